using Dapper;

namespace Readiness.Data.Runs;

public sealed record PairChangeRecord(string MenteeAgs, string MenteeName, string MentorAgs, string MentorName, double Benefit);

public sealed record TierChangeRecord(string Ags, string Name, string FromTier, string ToTier, double? FromScore, double? ToScore);

/// <summary>A shared-service group of a run; <see cref="Detail"/> is its stored JSON (members, offers).</summary>
public sealed record SharedGroupRecord(string Id, string DistrictKey, string Detail);

/// <summary>What changed between two runs: pairs that started or ended, municipalities whose tier moved, the shared-service groups.</summary>
public sealed class RunChangeQueries(Database database)
{
    public IReadOnlyList<PairChangeRecord> PairsOnlyIn(long runId, long otherRunId)
    {
        using var connection = database.Open();
        return [.. connection.Query<PairChangeRecord>(
            """
            SELECT p.mentee_ags, me.name AS mentee_name, p.mentor_ags, mo.name AS mentor_name, p.benefit
            FROM run_pairings p
            JOIN municipalities me ON me.ags = p.mentee_ags
            JOIN municipalities mo ON mo.ags = p.mentor_ags
            WHERE p.run_id = @runId
              AND NOT EXISTS (SELECT 1 FROM run_pairings o
                              WHERE o.run_id = @otherRunId AND o.mentee_ags = p.mentee_ags AND o.mentor_ags = p.mentor_ags)
            ORDER BY p.mentee_ags
            """,
            new { runId, otherRunId })];
    }

    public IReadOnlyList<TierChangeRecord> TierChanges(long runId, long sinceRunId, string profile)
    {
        using var connection = database.Open();
        return [.. connection.Query<TierChangeRecord>(
            """
            SELECT n.ags, m.name, o.tier AS from_tier, n.tier AS to_tier, o.score AS from_score, n.score AS to_score
            FROM run_scores n
            JOIN run_scores o ON o.run_id = @sinceRunId AND o.profile = n.profile AND o.ags = n.ags
            JOIN municipalities m ON m.ags = n.ags
            WHERE n.run_id = @runId AND n.profile = @profile AND n.tier <> o.tier
            ORDER BY n.ags
            """,
            new { runId, sinceRunId, profile })];
    }

    public IReadOnlyList<SharedGroupRecord> SharedGroups(long runId)
    {
        using var connection = database.Open();
        return [.. connection.Query<SharedGroupRecord>(
            "SELECT id, district_key, detail FROM run_shared_groups WHERE run_id = @runId ORDER BY id",
            new { runId })];
    }
}
