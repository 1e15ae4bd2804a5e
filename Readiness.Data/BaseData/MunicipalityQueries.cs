using System.Text;
using Dapper;

namespace Readiness.Data.BaseData;

public sealed record MunicipalityRecord(
    string Ags, string Name, string OfficialName, string Kind, string OfficialType, string DistrictKey, string DistrictName,
    string StateKey, string StateName, string? UnionKey, double AreaKm2, long Population, double DensityPerKm2,
    double? Lat, double? Lon, long? Degurba, long? CensusPopulation, double? ForeignShare, double? MigrationBackgroundShare,
    string? CensusMissingReason, double? Score = null, string? Tier = null, long? PeerGroupId = null, string? PeerGroupLabel = null);

public sealed record NeighbourRecord(string Ags, string Name, string Source, double? SharedBorderM, double DistanceKm, string? ViaAgs, string? ViaName);

public sealed record UnionRecord(string Key, string Name, string Kind);

public sealed record UnionMemberRecord(string Ags, string Name);

/// <summary>Filters of the municipality list; null means "any". Values are validated by the caller. Tier and peer group refer to the given run.</summary>
public sealed record MunicipalityFilter(
    string? StateKey = null, string? DistrictKey = null, string? Kind = null, string? Query = null, string? Tier = null, int? PeerGroup = null);

public enum MunicipalitySort
{
    Name,
    Population,
    ForeignShare,
    Score,
}

/// <summary>Read side of the municipalities' base data.</summary>
public sealed class MunicipalityQueries(Database database)
{
    private const string ListSelect =
        """
        SELECT m.ags, m.name, m.official_name, m.kind, m.official_type, m.district_key, d.name AS district_name,
               m.state_key, s.name AS state_name, m.union_key, m.area_km2, m.population, m.density_per_km2,
               m.lat, m.lon, m.degurba, m.census_population, m.foreign_share, m.migration_background_share,
               m.census_missing_reason, rs.score, rs.tier, gm.group_id AS peer_group_id, pg.label AS peer_group_label
        FROM municipalities m
        JOIN districts d ON d.key = m.district_key
        JOIN states s ON s.key = m.state_key
        """;

    // The default profile's results of one run; with no run (-1) every joined column is null.
    private const string RunJoins =
        """
        LEFT JOIN run_scores rs ON rs.run_id = @runId AND rs.profile = 'default' AND rs.ags = m.ags
        LEFT JOIN run_peer_group_members gm ON gm.run_id = @runId AND gm.ags = m.ags
        LEFT JOIN run_peer_groups pg ON pg.run_id = @runId AND pg.id = gm.group_id
        """;

    public MunicipalityRecord? Find(string ags)
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<MunicipalityRecord>($"{ListSelect} {RunJoins} WHERE m.ags = @ags", new { ags, runId = -1 });
    }

    // The store's one dialect difference: SQLite's NOCASE folds ASCII letters and compares bytes; on PostgreSQL
    // lower() under the byte order of "C" sorts the same way, whatever locale the database was created with.
    private const string NameOrderSqlite = "m.name COLLATE NOCASE";
    private const string NameOrderPostgres = "lower(m.name) COLLATE \"C\"";

    /// <summary>A page of municipalities; with a run, each carries its default-profile score, tier and peer group from that run.</summary>
    public (IReadOnlyList<MunicipalityRecord> Items, int Total) List(
        MunicipalityFilter filter, MunicipalitySort sort, bool descending, int page, int pageSize, long? runId = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new DynamicParameters();
        parameters.Add("runId", runId ?? -1);
        if (filter.Tier is not null)
        {
            where.Append(" AND rs.tier = @tier");
            parameters.Add("tier", filter.Tier);
        }

        if (filter.PeerGroup is not null)
        {
            where.Append(" AND gm.group_id = @peerGroup");
            parameters.Add("peerGroup", filter.PeerGroup);
        }

        if (filter.StateKey is not null)
        {
            where.Append(" AND m.state_key = @stateKey");
            parameters.Add("stateKey", filter.StateKey);
        }

        if (filter.DistrictKey is not null)
        {
            where.Append(" AND m.district_key = @districtKey");
            parameters.Add("districtKey", filter.DistrictKey);
        }

        if (filter.Kind is not null)
        {
            where.Append(" AND m.kind = @kind");
            parameters.Add("kind", filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            where.Append(@" AND m.search_key LIKE @query ESCAPE '\'");
            parameters.Add("query", $"%{EscapeLike(SearchText.Fold(filter.Query))}%");
        }

        var direction = descending ? "DESC" : "ASC";
        // Missing shares sort last in both directions: a planner sorting by share wants the known ones first.
        var orderBy = sort switch
        {
            MunicipalitySort.Population => $"m.population {direction}, m.ags",
            MunicipalitySort.ForeignShare => $"m.foreign_share IS NULL, m.foreign_share {direction}, m.ags",
            MunicipalitySort.Score => $"rs.score IS NULL, rs.score {direction}, m.ags",
            _ => $"{(database.IsPostgres ? NameOrderPostgres : NameOrderSqlite)} {direction}, m.ags",
        };
        parameters.Add("limit", pageSize);
        parameters.Add("offset", (page - 1) * pageSize);

        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>($"SELECT count(*) FROM municipalities m {RunJoins} {where}", parameters);
        var items = connection.Query<MunicipalityRecord>(
            $"""
            {ListSelect}
            {RunJoins}
            {where}
            ORDER BY {orderBy}
            LIMIT @limit OFFSET @offset
            """,
            parameters).AsList();
        return (items, total);
    }

    public IReadOnlyList<NeighbourRecord> Neighbours(string ags)
    {
        using var connection = database.Open();
        return [.. connection.Query<NeighbourRecord>(
            """
            SELECT n.neighbour_ags AS ags, m.name, n.source, n.shared_border_m, n.distance_km,
                   n.via_ags, u.name AS via_name
            FROM neighbours n
            JOIN municipalities m ON m.ags = n.neighbour_ags
            LEFT JOIN unincorporated_areas u ON u.ags = n.via_ags
            WHERE n.ags = @ags
            ORDER BY n.source, n.shared_border_m IS NULL, n.shared_border_m DESC, n.distance_km, n.neighbour_ags
            """,
            new { ags })];
    }

    public (UnionRecord Union, IReadOnlyList<UnionMemberRecord> Members)? Union(string unionKey)
    {
        using var connection = database.Open();
        var union = connection.QueryFirstOrDefault<UnionRecord>(
            "SELECT key, name, kind FROM administrative_unions WHERE key = @unionKey", new { unionKey });
        if (union is null)
        {
            return null;
        }

        var members = connection.Query<UnionMemberRecord>(
            "SELECT ags, name FROM municipalities WHERE union_key = @unionKey ORDER BY name, ags", new { unionKey }).AsList();
        return (union, members);
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
