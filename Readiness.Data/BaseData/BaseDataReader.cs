using System.Data;
using Dapper;
using Readiness.Scoring.Geo;
using Readiness.Scoring.Model;

namespace Readiness.Data.BaseData;

/// <summary>All base data in memory, as the computations take it.</summary>
public sealed record BaseDataSnapshot(
    IReadOnlyList<MunicipalityFacts> Municipalities,
    IReadOnlyList<Neighbour> Neighbours,
    string ContentHash);

/// <summary>Reads the whole base data in one go: what a run or a benchmark computes on.</summary>
public static class BaseDataReader
{
    public static BaseDataSnapshot Read(IDbConnection connection, IDbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var municipalities = connection.Query<FactsRow>(
            """
            SELECT ags, name, district_key, state_key, kind, population, area_km2, density_per_km2,
                   census_population, foreign_share, migration_background_share, degurba, lat, lon, union_key
            FROM municipalities
            ORDER BY ags
            """,
            transaction: transaction)
            .Select(r => new MunicipalityFacts(
                r.Ags, r.Name, r.DistrictKey, r.StateKey, r.Kind, r.Population, r.AreaKm2, r.DensityPerKm2,
                r.CensusPopulation, r.ForeignShare, r.MigrationBackgroundShare, (int?)r.Degurba,
                r.Lat is { } lat && r.Lon is { } lon ? new GeoPoint(lat, lon) : null, r.UnionKey))
            .ToList();

        // Hundreds of thousands of rows at European scale: read directly, and let every neighbour share its
        // municipalities' key strings instead of holding copies of its own.
        var keys = municipalities.ToDictionary(m => m.Ags, m => m.Ags, StringComparer.Ordinal);
        var neighbours = new List<Neighbour>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT ags, neighbour_ags, source, shared_border_m, via_ags, distance_km FROM neighbours ORDER BY ags, neighbour_ags";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                neighbours.Add(new Neighbour(
                    Shared(keys, reader.GetString(0)), Shared(keys, reader.GetString(1)),
                    reader.GetString(2) == "boundary" ? NeighbourSource.Boundary : NeighbourSource.Distance,
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetDouble(5)));
            }
        }

        return new BaseDataSnapshot(municipalities, neighbours, ContentHash(connection, transaction) ?? "");
    }

    /// <summary>The hash of the loaded base data; null before the seed has been loaded.</summary>
    public static string? ContentHash(IDbConnection connection, IDbTransaction? transaction = null) =>
        connection.QueryFirstOrDefault<string>("SELECT content_hash FROM dataset_versions ORDER BY id DESC LIMIT 1", transaction: transaction);

    private sealed record FactsRow(
        string Ags, string Name, string DistrictKey, string StateKey, string Kind, long Population, double AreaKm2, double DensityPerKm2,
        long? CensusPopulation, double? ForeignShare, double? MigrationBackgroundShare, long? Degurba, double? Lat, double? Lon, string? UnionKey);

    private static string Shared(Dictionary<string, string> keys, string key) => keys.TryGetValue(key, out var shared) ? shared : key;
}
