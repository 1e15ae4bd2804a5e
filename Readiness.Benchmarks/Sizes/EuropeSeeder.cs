using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Readiness.Data;
using Readiness.Data.Seeding;
using Readiness.Scoring.Geo;

namespace Readiness.Benchmarks.Sizes;

/// <summary>
/// Writes the European benchmark size into an empty, migrated store, in the tables the service reads.
/// Countries become states, NUTS 3 regions districts, LAUs municipalities (the GISCO id is kept in
/// <c>ars</c>); neighbours are each LAU's nearest six through the spatial index, as outside Bavaria.
/// </summary>
internal static class EuropeSeeder
{
    public const int DistanceNeighbours = SeedImporter.DistanceNeighbours;

    public static int Write(Database database, IReadOnlyList<EuropeMunicipality> municipalities, IReadOnlyList<EuropeDistrict> districts)
    {
        var keys = municipalities.Select(m => m.Ags).ToList();
        var points = municipalities.Select(m => new GeoPoint(m.Lat, m.Lon)).ToList();
        var neighbours = NeighbourGraph.FromDistance(keys, points, Enumerable.Range(0, keys.Count), DistanceNeighbours);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Infrastructure.Repository.EuropeCsv)))
            + $":synthetic:{EuropeLaus.Seed}:{municipalities.Count}";

        database.InTransaction((connection, transaction) =>
        {
            connection.Execute(
                "INSERT INTO dataset_versions (name, content_hash, loaded_at, description) VALUES ('base-data', @hash, @now, @description)",
                new
                {
                    hash,
                    now = DateTimeOffset.UtcNow,
                    description = "SYNTHETIC benchmark data: Eurostat LAU 2019 names, population and area; generated coordinates, shares and stand-ins (bench-data/SOURCES.md)",
                },
                transaction);

            var countries = municipalities.Select(m => (m.StateKey, m.Lau.Country)).Distinct().ToList();
            BulkInsert.Run(connection, transaction, SeedImporter.InsertState, countries, c => [c.StateKey, c.Country]);

            var byDistrict = municipalities.GroupBy(m => m.DistrictKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            BulkInsert.Run(connection, transaction, SeedImporter.InsertDistrict,
                districts,
                d =>
                {
                    var members = byDistrict[d.Key];
                    var population = members.Sum(m => m.Population);
                    var foreign = members.Sum(m => m.Population * m.ForeignShare) / Math.Max(1, population);
                    return [d.Key, d.Name, "landkreis", "NUTS 3 region", d.StateKey, null, null, members.Sum(m => m.AreaKm2),
                        population, population, Math.Round(foreign, 6), null];
                });

            BulkInsert.Run(connection, transaction, SeedImporter.InsertMunicipality,
                municipalities,
                m =>
                {
                    var name = m.Lau.NameLatin.Length > 0 ? m.Lau.NameLatin : m.Lau.NameNational;
                    return [m.Ags, m.Lau.GiscoId, name, m.Lau.NameNational.Length > 0 ? m.Lau.NameNational : name, "gemeinde", "LAU",
                        m.DistrictKey, m.StateKey, null, m.AreaKm2, m.Population,
                        Math.Round(m.Population / Math.Max(m.AreaKm2, 0.01), 1), m.Lat, m.Lon, m.Lau.Degurba, null,
                        m.Population, m.ForeignShare, m.MigrationBackgroundShare, "Synthetic benchmark data: shares generated, not measured.",
                        SearchText.Key(name)];
                });

            BulkInsert.Run(connection, transaction, SeedImporter.InsertNeighbour,
                neighbours.OrderBy(n => n.Ags, StringComparer.Ordinal).ThenBy(n => n.NeighbourAgs, StringComparer.Ordinal),
                n => [n.Ags, n.NeighbourAgs, "distance", null, null, Math.Round(n.DistanceKm, 3)]);
        });

        return neighbours.Count;
    }

    public static string Summary(IReadOnlyList<EuropeMunicipality> municipalities) => string.Create(CultureInfo.InvariantCulture,
        $"{municipalities.Count} LAUs in {municipalities.Select(m => m.DistrictKey).Distinct().Count()} districts of "
        + $"{municipalities.Select(m => m.StateKey).Distinct().Count()} countries; stand-ins: population {municipalities.Count(m => m.PopulationStandIn)}, "
        + $"area {municipalities.Count(m => m.AreaStandIn)}");
}
