using Dapper;

namespace Readiness.Data.Runs;

/// <summary>What the store holds for one municipality in one run.</summary>
public enum EarlierReadiness
{
    /// <summary>The answer is stored.</summary>
    Found,

    /// <summary>The run does not exist, failed, is still running, published nothing, or was removed.</summary>
    RunNotPublished,

    /// <summary>The run did not store this profile (it is computed on request from the run's inputs).</summary>
    ProfileNotStored,

    /// <summary>The run stored the profile but not this municipality.</summary>
    MunicipalityNotInRun,
}

/// <summary>
/// Single answers of an earlier run straight from the store: one indexed read by (run, profile, AGS) on
/// the primary key, instead of loading a whole run into memory for one municipality.
/// </summary>
public sealed class EarlierRunQueries(Database database)
{
    public (EarlierReadiness Outcome, byte[]? Json) Readiness(long runId, string profile, string ags)
    {
        using var connection = database.Open();
        var row = connection.QuerySingleOrDefault<(long Published, long Stored, byte[]? Detail)>(
            """
            SELECT r.published_at IS NOT NULL,
                   EXISTS (SELECT 1 FROM run_scores p WHERE p.run_id = r.id AND p.profile = @profile),
                   (SELECT s.detail FROM run_scores s WHERE s.run_id = r.id AND s.profile = @profile AND s.ags = @ags)
            FROM runs r WHERE r.id = @runId
            """,
            new { runId, profile, ags });
        return row switch
        {
            { Published: 0 } => (EarlierReadiness.RunNotPublished, null),
            { Detail: { } detail } => (EarlierReadiness.Found, Compression.Decompress(detail)),
            { Stored: 0 } => (EarlierReadiness.ProfileNotStored, null),
            _ => (EarlierReadiness.MunicipalityNotInRun, null),
        };
    }

    /// <summary>The peer groups of a run as stored (JSON), so an earlier answer's peer-group label can be told in the request's language.</summary>
    public IReadOnlyList<string> PeerGroups(long runId)
    {
        using var connection = database.Open();
        return connection.Query<string>("SELECT detail FROM run_peer_groups WHERE run_id = @runId ORDER BY id", new { runId }).AsList();
    }
}
