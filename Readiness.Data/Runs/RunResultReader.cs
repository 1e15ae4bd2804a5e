using Dapper;

namespace Readiness.Data.Runs;

/// <summary>
/// Reads what one run wrote, to serve it from memory: first what the lists and a municipality's answer need
/// (<see cref="ReadServed"/>), then, once the run is served, the larger parts each in a query of its own.
/// </summary>
public static class RunResultReader
{
    /// <summary>Scores, peer groups and shared-service memberships, in one snapshot.</summary>
    public static ServedRunRows ReadServed(Database database, long runId)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        using var transaction = Database.BeginSnapshot(connection);
        var parameters = new { runId };
        var scores = connection.Query<ScoreRowData>(
            """
            SELECT profile, ags, score, tier, coverage, rank_all, rank_district, rank_peer_group, rank_low, rank_high,
                   rank_median, data_quality, assessment_id, detail
            FROM run_scores WHERE run_id = @runId ORDER BY profile, ags
            """, parameters, transaction)
            .Select(r => new ScoreRow(r.Profile, r.Ags, r.Score, r.Tier, r.Coverage, (int?)r.RankAll, (int?)r.RankDistrict,
                (int?)r.RankPeerGroup, (int?)r.RankLow, (int?)r.RankHigh, (int?)r.RankMedian, r.DataQuality, r.AssessmentId, r.Detail))
            .ToList();
        var groups = connection.Query<(long Id, string Label, long Size, string Detail)>(
            "SELECT id, label, size, detail FROM run_peer_groups WHERE run_id = @runId ORDER BY id", parameters, transaction)
            .Select(g => new PeerGroupRow((int)g.Id, g.Label, (int)g.Size, g.Detail)).ToList();
        var members = connection.Query<(string Ags, long GroupId, double Distance, long? SecondGroupId, double? SecondDistance)>(
            "SELECT ags, group_id, distance, second_group_id, second_distance FROM run_peer_group_members WHERE run_id = @runId ORDER BY ags",
            parameters, transaction)
            .Select(m => new PeerGroupMemberRow(m.Ags, (int)m.GroupId, m.Distance, (int?)m.SecondGroupId, m.SecondDistance)).ToList();
        var diagnostics = connection.Query<(long K, string Detail, long Chosen)>(
            "SELECT k, detail, chosen FROM run_peer_group_diagnostics WHERE run_id = @runId ORDER BY k", parameters, transaction)
            .Select(d => new PeerGroupDiagnosticRow((int)d.K, d.Detail, d.Chosen != 0)).ToList();
        var sharedMembers = connection.Query<(string Ags, string? GroupId, string? Reason)>(
            "SELECT ags, group_id, reason FROM run_shared_group_members WHERE run_id = @runId ORDER BY ags", parameters, transaction)
            .Select(m => new SharedGroupMemberRow(m.Ags, m.GroupId, m.Reason)).ToList();
        transaction.Commit();
        return new ServedRunRows(scores, groups, members, diagnostics, sharedMembers);
    }

    public static IReadOnlyList<PairingRow> ReadPairings(Database database, long runId)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        return connection.Query<(string MenteeAgs, string MentorAgs, double Benefit, long SinceRunId, string Detail)>(
            "SELECT mentee_ags, mentor_ags, benefit, since_run_id, detail FROM run_pairings WHERE run_id = @runId ORDER BY mentee_ags",
            new { runId })
            .Select(p => new PairingRow(p.MenteeAgs, p.MentorAgs, p.Benefit, p.SinceRunId, p.Detail)).ToList();
    }

    public static IReadOnlyList<PairingMenteeRow> ReadMentees(Database database, long runId)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        return connection.Query<(string Ags, string? UnpairedReason, byte[] Detail)>(
            "SELECT ags, unpaired_reason, detail FROM run_pairing_mentees WHERE run_id = @runId ORDER BY ags", new { runId })
            .Select(m => new PairingMenteeRow(m.Ags, m.UnpairedReason, m.Detail)).ToList();
    }

    public static IReadOnlyList<SharedGroupRow> ReadSharedGroups(Database database, long runId)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        return connection.Query<(string Id, string DistrictKey, string Detail)>(
            "SELECT id, district_key, detail FROM run_shared_groups WHERE run_id = @runId ORDER BY id", new { runId })
            .Select(g => new SharedGroupRow(g.Id, g.DistrictKey, g.Detail)).ToList();
    }

    private sealed record ScoreRowData(
        string Profile, string Ags, double? Score, string Tier, double Coverage, long? RankAll, long? RankDistrict,
        long? RankPeerGroup, long? RankLow, long? RankHigh, long? RankMedian, string DataQuality, long? AssessmentId, byte[] Detail);
}
