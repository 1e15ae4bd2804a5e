using Dapper;

namespace Readiness.Data.BaseData;

public sealed record DistrictRecord(
    string Key, string Name, string Kind, string OfficialKind, string StateKey, string StateName, string? RegionName,
    double AreaKm2, long Population, long? CensusPopulation, double? ForeignShare, long MunicipalityCount);

/// <summary>Read side of the districts (Landkreise and kreisfreie Städte).</summary>
public sealed class DistrictQueries(Database database)
{
    private const string Select =
        """
        SELECT d.key, d.name, d.kind, d.official_kind, d.state_key, s.name AS state_name, d.region_name,
               d.area_km2, d.population, d.census_population, d.foreign_share,
               (SELECT count(*) FROM municipalities m WHERE m.district_key = d.key) AS municipality_count
        FROM districts d JOIN states s ON s.key = d.state_key
        """;

    public IReadOnlyList<DistrictRecord> List(string? stateKey)
    {
        using var connection = database.Open();
        return [.. connection.Query<DistrictRecord>(
            $"""
            {Select}
            WHERE @stateKey IS NULL OR d.state_key = @stateKey
            ORDER BY d.key
            """,
            new { stateKey })];
    }

    public DistrictRecord? Find(string key)
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<DistrictRecord>($"{Select} WHERE d.key = @key", new { key });
    }

    public bool StateExists(string stateKey)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM states WHERE key = @stateKey)", new { stateKey });
    }
}
