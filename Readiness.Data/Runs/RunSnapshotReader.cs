using Dapper;
using Readiness.Data.Assessments;
using Readiness.Data.BaseData;

namespace Readiness.Data.Runs;

/// <summary>A stored scoring profile as JSON, with its bookkeeping.</summary>
public sealed record StoredProfile(string Name, string Definition, bool Builtin, bool Nightly, long Version, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>What the published run left for the next one: peer-group centroids (stable ids) and pairs (hysteresis).</summary>
public sealed record PreviousRunState(long RunId, IReadOnlyList<PreviousPeerGroup> PeerGroups, IReadOnlyList<PreviousPair> Pairs);

public sealed record PreviousPeerGroup(int Id, string Label, string Detail);

public sealed record PreviousPair(string MenteeAgs, string MentorAgs, double Benefit, long SinceRunId);

/// <summary>Everything a run computes from, read in one transaction so it is one consistent state.</summary>
public sealed record RunSnapshot(
    BaseDataSnapshot BaseData,
    IReadOnlyList<StoredAssessment> Assessments,
    IReadOnlyList<StoredProfile> Profiles,
    PreviousRunState? Previous);

public static class RunSnapshotReader
{
    public static RunSnapshot Read(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        // A deferred read transaction: under WAL every read inside sees the same committed state.
        using var transaction = connection.BeginTransaction(deferred: true);
        var baseData = BaseDataReader.Read(connection, transaction);
        var assessments = AssessmentStore.Current(connection, transaction);
        var profiles = connection.Query<StoredProfile>(
            "SELECT name, definition, builtin, nightly, version, updated_at, updated_by FROM profiles ORDER BY name",
            transaction: transaction).AsList();

        PreviousRunState? previous = null;
        var current = connection.QueryFirstOrDefault<long?>("SELECT run_id FROM current_run WHERE singleton = 1", transaction: transaction);
        if (current is { } runId)
        {
            var groups = connection.Query<PreviousPeerGroup>(
                "SELECT id, label, detail FROM run_peer_groups WHERE run_id = @runId ORDER BY id", new { runId }, transaction).AsList();
            var pairs = connection.Query<PreviousPair>(
                "SELECT mentee_ags, mentor_ags, benefit, since_run_id FROM run_pairings WHERE run_id = @runId ORDER BY mentee_ags",
                new { runId }, transaction).AsList();
            previous = new PreviousRunState(runId, groups, pairs);
        }

        transaction.Commit();
        return new RunSnapshot(baseData, assessments, profiles, previous);
    }
}
