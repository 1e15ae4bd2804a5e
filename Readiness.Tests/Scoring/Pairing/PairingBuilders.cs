using Readiness.Scoring.Geo;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.Scores;

namespace Readiness.Tests.Scoring.Pairing;

/// <summary>Small hand-made places on a local km grid around 48°N 11°E.</summary>
internal static class PairingBuilders
{
    public const string District = "09999";

    public static GeoPoint At(double kmEast, double kmNorth) =>
        new(48 + kmNorth / 111.195, 11 + kmEast / (111.195 * Math.Cos(48 * Math.PI / 180)));

    /// <summary>An experienced mentor with a contact person and the listed structures (the rest: no).</summary>
    public static PairingMunicipality Mentor(string ags, double x, double y, params string[] has) =>
        Place(ags, x, y, ReadinessTier.Experienced, [Structures.ContactPerson, .. has]);

    /// <summary>A starting mentee with the listed structures (the rest: no).</summary>
    public static PairingMunicipality Mentee(string ags, double x, double y, params string[] has) =>
        Place(ags, x, y, ReadinessTier.Starting, has);

    public static PairingMunicipality Place(string ags, double x, double y, ReadinessTier tier, IEnumerable<string> has)
    {
        var set = has.ToHashSet();
        var structures = Structures.All.ToDictionary(s => s, s => (bool?)set.Contains(s), StringComparer.Ordinal);
        return new PairingMunicipality(ags, ags, District, At(x, y), tier, ScoreOf(tier), structures[Structures.ContactPerson], structures, 1, []);
    }

    /// <summary>A score in the middle of the default tier band: every mentor is then clearly ahead of every mentee.</summary>
    public static double? ScoreOf(ReadinessTier tier) => tier switch
    {
        ReadinessTier.Starting => 12,
        ReadinessTier.Developing => 37,
        ReadinessTier.Established => 60,
        ReadinessTier.Experienced => 85,
        _ => null,
    };

    public static Neighbour Border(string a, string b) => new(a, b, NeighbourSource.Boundary, 1000, null, 5);
}
