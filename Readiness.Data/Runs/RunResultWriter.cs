using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Readiness.Data.Runs;

/// <summary>Writes a run's results under its id; they stay invisible until the run is published.</summary>
public static class RunResultWriter
{
    public static void Write(DbConnection connection, IDbTransaction transaction, long runId, RunResultRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        BulkInsert.Run(connection, transaction,
            """
            INSERT INTO run_scores (run_id, profile, ags, score, tier, coverage, rank_all, rank_district, rank_peer_group,
                                    rank_low, rank_high, rank_median, data_quality, assessment_id, detail)
            VALUES ($runId, $profile, $ags, $score, $tier, $coverage, $rankAll, $rankDistrict, $rankPeerGroup,
                    $rankLow, $rankHigh, $rankMedian, $dataQuality, $assessmentId, $detail)
            """,
            rows.Scores,
            s => [runId, s.Profile, s.Ags, s.Score, s.Tier, s.Coverage, s.RankAll, s.RankDistrict, s.RankPeerGroup,
                s.RankLow, s.RankHigh, s.RankMedian, s.DataQuality, s.AssessmentId, s.Detail]);

        BulkInsert.Run(connection, transaction,
            "INSERT INTO run_peer_groups (run_id, id, label, size, detail) VALUES ($runId, $id, $label, $size, $detail)",
            rows.PeerGroups, g => [runId, g.Id, g.Label, g.Size, g.Detail]);

        BulkInsert.Run(connection, transaction,
            """
            INSERT INTO run_peer_group_members (run_id, ags, group_id, distance, second_group_id, second_distance)
            VALUES ($runId, $ags, $groupId, $distance, $secondGroupId, $secondDistance)
            """,
            rows.PeerGroupMembers, m => [runId, m.Ags, m.GroupId, m.Distance, m.SecondGroupId, m.SecondDistance]);

        BulkInsert.Run(connection, transaction,
            "INSERT INTO run_peer_group_diagnostics (run_id, k, detail, chosen) VALUES ($runId, $k, $detail, $chosen)",
            rows.PeerGroupDiagnostics, d => [runId, d.K, d.Detail, d.Chosen]);

        BulkInsert.Run(connection, transaction,
            """
            INSERT INTO run_pairings (run_id, mentee_ags, mentor_ags, benefit, since_run_id, detail)
            VALUES ($runId, $menteeAgs, $mentorAgs, $benefit, $sinceRunId, $detail)
            """,
            rows.Pairings, p => [runId, p.MenteeAgs, p.MentorAgs, p.Benefit, p.SinceRunId, p.Detail]);

        BulkInsert.Run(connection, transaction,
            "INSERT INTO run_pairing_mentees (run_id, ags, unpaired_reason, detail) VALUES ($runId, $ags, $unpairedReason, $detail)",
            rows.PairingMentees, m => [runId, m.Ags, m.UnpairedReason, m.Detail]);

        BulkInsert.Run(connection, transaction,
            "INSERT INTO run_shared_groups (run_id, id, district_key, detail) VALUES ($runId, $id, $districtKey, $detail)",
            rows.SharedGroups, g => [runId, g.Id, g.DistrictKey, g.Detail]);

        BulkInsert.Run(connection, transaction,
            "INSERT INTO run_shared_group_members (run_id, ags, group_id, reason) VALUES ($runId, $ags, $groupId, $reason)",
            rows.SharedGroupMembers, m => [runId, m.Ags, m.GroupId, m.Reason]);
    }
}
