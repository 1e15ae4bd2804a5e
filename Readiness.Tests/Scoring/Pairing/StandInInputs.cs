using Readiness.Data;
using Readiness.Data.BaseData;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.Scores;
using Readiness.Scoring.SharedServices;
using Readiness.Tests.Support;

namespace Readiness.Tests.Scoring.Pairing;

/// <summary>
/// The real base data (seeded SQLite copy) with seeded random stand-ins for what the score and the
/// peer groups will supply: tier, score, structures, contact person, peer group and features. The
/// stand-ins only exercise the algorithms; they say nothing about real municipalities.
/// </summary>
internal static class StandInInputs
{
    private static readonly Lazy<BaseDataSnapshot> Snapshot = new(() =>
    {
        var database = Database.ForFile(SeededDatabase.CopyInto(SeededDatabase.NewDirectory()));
        using var connection = database.Open();
        return BaseDataReader.Read(connection);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public static BaseDataSnapshot Germany => Snapshot.Value;

    public static BaseDataSnapshot Bavaria => BavariaSnapshot.Value;

    private static readonly Lazy<BaseDataSnapshot> BavariaSnapshot = new(() =>
    {
        var all = Snapshot.Value;
        var bavarian = all.Municipalities.Where(m => m.StateKey == "09").ToList();
        var keys = bavarian.Select(m => m.Ags).ToHashSet(StringComparer.Ordinal);
        var neighbours = all.Neighbours.Where(n => keys.Contains(n.Ags) && keys.Contains(n.NeighbourAgs)).ToList();
        return new BaseDataSnapshot(bavarian, neighbours, all.ContentHash);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Tier from a random score (quartiles), 5 % insufficient data; structures likelier with a higher score.</summary>
    public static List<PairingMunicipality> ForPairing(BaseDataSnapshot data, int seed)
    {
        var random = new Random(seed);
        var features = Features(data.Municipalities);
        return [.. data.Municipalities.Select((m, i) =>
        {
            var score = random.NextDouble() * 100;
            var tier = random.NextDouble() < 0.05 ? ReadinessTier.InsufficientData
                : score < 25 ? ReadinessTier.Starting
                : score < 50 ? ReadinessTier.Developing
                : score < 75 ? ReadinessTier.Established
                : ReadinessTier.Experienced;
            var structures = RandomStructures(random, score / 100);
            return new PairingMunicipality(
                m.Ags, m.Name, m.DistrictKey, m.Location, tier, tier == ReadinessTier.InsufficientData ? null : score,
                structures[Structures.ContactPerson], structures,
                PeerGroupOf(m), features[i]);
        })];
    }

    /// <summary>Contact person true with 70 %, false with 20 %, unknown with 10 %; structures at random.</summary>
    public static List<SharedServiceMunicipality> ForSharedServices(BaseDataSnapshot data, int seed)
    {
        var random = new Random(seed);
        return [.. data.Municipalities.Select(m =>
        {
            var draw = random.NextDouble();
            bool? contact = draw < 0.7 ? true : draw < 0.9 ? false : null;
            var structures = RandomStructures(random, 0.4);
            structures[Structures.ContactPerson] = contact;
            return new SharedServiceMunicipality(
                m.Ags, m.Name, m.DistrictKey, m.Location, m.Population, m.ForeignResidents, m.UnionKey, contact, structures);
        })];
    }

    private static Dictionary<string, bool?> RandomStructures(Random random, double chance) =>
        Structures.All.ToDictionary(
            s => s,
            _ => random.NextDouble() < 0.1 ? (bool?)null : random.NextDouble() < chance,
            StringComparer.Ordinal);

    /// <summary>A stand-in peer group: size class by population.</summary>
    private static int PeerGroupOf(MunicipalityFacts m) => m.Population switch
    {
        < 2_000 => 0,
        < 5_000 => 1,
        < 20_000 => 2,
        _ => 3,
    };

    /// <summary>Standardised log population, log density and foreign share (mean imputed).</summary>
    private static double[][] Features(IReadOnlyList<MunicipalityFacts> municipalities)
    {
        var columns = new[]
        {
            municipalities.Select(m => Math.Log(Math.Max(1, m.Population))).ToArray(),
            municipalities.Select(m => Math.Log(Math.Max(0.1, m.DensityPerKm2))).ToArray(),
            municipalities.Select(m => m.ForeignShare ?? double.NaN).ToArray(),
        };
        foreach (var column in columns)
        {
            var known = column.Where(double.IsFinite).ToList();
            var mean = known.Average();
            var sd = Math.Sqrt(known.Average(v => (v - mean) * (v - mean)));
            for (var i = 0; i < column.Length; i++)
            {
                column[i] = double.IsFinite(column[i]) ? (column[i] - mean) / sd : 0;
            }
        }

        return [.. Enumerable.Range(0, municipalities.Count).Select(i => columns.Select(c => c[i]).ToArray())];
    }
}
