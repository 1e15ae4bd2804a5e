using Dapper;
using Readiness.Data.Assessments;
using Readiness.Data.BaseData;
using Readiness.Data.Profiles;

namespace Readiness.Data.Runs;

/// <summary>What the published run left for the next one: peer-group centroids (stable ids) and pairs (hysteresis).</summary>
public sealed record PreviousRunState(long RunId, IReadOnlyList<PublishedPeerGroup> PeerGroups, IReadOnlyList<PublishedPair> Pairs);

public sealed record PublishedPeerGroup(long Id, string Label, string Detail);

public sealed record PublishedPair(string MenteeAgs, string MentorAgs, double Benefit, long SinceRunId);

/// <summary>Everything a run computes from, read in one transaction so it is one consistent state.</summary>
public sealed record RunSnapshot(
    BaseDataSnapshot BaseData,
    IReadOnlyList<StoredAssessment> Assessments,
    IReadOnlyList<StoredProfile> Profiles,
    PreviousRunState? Previous);

public static class RunSnapshotReader
{
    /// <param name="database">The store.</param>
    /// <param name="cachedBaseData">
    /// The base data already in memory, if any: it never changes after seeding, so it is taken when its
    /// content hash is the store's (read in the snapshot's transaction), instead of being read again.
    /// </param>
    public static RunSnapshot Read(Database database, BaseDataSnapshot? cachedBaseData = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        // A deferred read transaction: under WAL every read inside sees the same committed state.
        using var transaction = Database.BeginSnapshot(connection);
        var hash = BaseDataReader.ContentHash(connection, transaction) ?? "";
        var baseData = cachedBaseData is not null && cachedBaseData.ContentHash == hash
            ? cachedBaseData
            : BaseDataReader.Read(connection, transaction);
        var assessments = AssessmentStore.Current(connection, transaction);
        var profiles = ProfileStore.All(connection, transaction);

        PreviousRunState? previous = null;
        var current = connection.QueryFirstOrDefault<long?>("SELECT run_id FROM current_run WHERE singleton = 1", transaction: transaction);
        if (current is { } runId)
        {
            var groups = connection.Query<PublishedPeerGroup>(
                "SELECT id, label, detail FROM run_peer_groups WHERE run_id = @runId ORDER BY id", new { runId }, transaction).AsList();
            var pairs = connection.Query<PublishedPair>(
                "SELECT mentee_ags, mentor_ags, benefit, since_run_id FROM run_pairings WHERE run_id = @runId ORDER BY mentee_ags",
                new { runId }, transaction).AsList();
            previous = new PreviousRunState(runId, groups, pairs);
        }

        transaction.Commit();
        return new RunSnapshot(baseData, assessments, profiles, previous);
    }
}
