using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Readiness.Data.Audit;

namespace Readiness.Data.Decisions;

/// <summary>The decision names as stored and on the wire.</summary>
public static class PairDecisionNames
{
    public const string Agreed = "agreed";
    public const string Active = "active";
    public const string Ended = "ended";
    public const string Declined = "declined";
    public const string Pinned = "pinned";
    public const string Forbidden = "forbidden";

    public static readonly IReadOnlyList<string> All = [Agreed, Active, Ended, Declined, Pinned, Forbidden];

    /// <summary>These pairs stand in every run: the mentor's place is taken, the mentee gets no other mentor.</summary>
    public static bool IsFixed(string decision) => decision is Agreed or Active or Pinned;

    /// <summary>These pairs are never proposed again, for the configured months.</summary>
    public static bool IsExcluded(string decision) => decision is Declined or Forbidden;
}

/// <summary>One recorded step in the life of a pair.</summary>
public sealed record PairDecisionRecord(
    long Id,
    string DistrictKey,
    string MenteeAgs,
    string MentorAgs,
    string Decision,
    DateOnly DecidedOn,
    string? Reason,
    string? Note,
    string? Outcome,
    IReadOnlyList<string> OutcomeTopics,
    DateTimeOffset RecordedAt,
    string KeyName);

/// <summary>A step to record.</summary>
public sealed record NewPairDecision(
    string DistrictKey,
    string MenteeAgs,
    string MentorAgs,
    string Decision,
    DateOnly DecidedOn,
    string? Reason,
    string? Note,
    string? Outcome,
    IReadOnlyList<string> OutcomeTopics);

/// <summary>Pair decisions: every step kept; a pair's state is its newest step.</summary>
public sealed class PairDecisionStore(Database database)
{
    private const string Columns =
        "id, district_key, mentee_ags, mentor_ags, decision, decided_on, reason, note, outcome, outcome_topics, recorded_at, key_name";

    /// <summary>Records the step and its audit entry in one transaction (with <paramref name="also"/>, if given).</summary>
    public PairDecisionRecord Record(NewPairDecision step, AuditActor actor, DateTimeOffset now, AlsoInTransaction<PairDecisionRecord>? also = null)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(actor);
        return database.InTransaction((connection, transaction) =>
        {
            var id = connection.ExecuteScalar<long>(
                """
                INSERT INTO pair_decisions (district_key, mentee_ags, mentor_ags, decision, decided_on, reason, note, outcome, outcome_topics, recorded_at, key_id, key_name)
                VALUES (@DistrictKey, @MenteeAgs, @MentorAgs, @Decision, @decidedOn, @Reason, @Note, @Outcome, @topics, @recordedAt, @keyId, @keyName)
                RETURNING id
                """,
                new
                {
                    step.DistrictKey, step.MenteeAgs, step.MentorAgs, step.Decision, step.Reason, step.Note, step.Outcome,
                    decidedOn = step.DecidedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    topics = step.OutcomeTopics.Count == 0 ? null : JsonSerializer.Serialize(step.OutcomeTopics),
                    recordedAt = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                    keyId = actor.KeyId,
                    keyName = actor.KeyName,
                },
                transaction);
            AuditLog.Record(connection, transaction, new AuditEntry(actor, DecisionAuditActions.PairDecide, $"{step.MenteeAgs}/{step.MentorAgs}",
                new { id, step.Decision, decidedOn = step.DecidedOn, step.Reason, step.Outcome }) { At = now });
            var recorded = Read(connection, transaction, "WHERE id = @id", new { id }).Single();
            also?.Invoke(connection, transaction, recorded);
            return recorded;
        });
    }

    /// <summary>Every step of one pair, oldest first.</summary>
    public IReadOnlyList<PairDecisionRecord> History(string menteeAgs, string mentorAgs)
    {
        using var connection = database.Open();
        return Read(connection, null, "WHERE mentee_ags = @menteeAgs AND mentor_ags = @mentorAgs ORDER BY id", new { menteeAgs, mentorAgs });
    }

    /// <summary>The newest step of every pair of the district (all districts when null).</summary>
    public IReadOnlyList<PairDecisionRecord> Current(string? districtKey = null)
    {
        using var connection = database.Open();
        return Current(connection, null, districtKey);
    }

    /// <summary>
    /// Changes with every step recorded in the district (steps are only ever added): answers that show decision states
    /// put it into their ETag, so a cached answer is not taken for current after a decision.
    /// </summary>
    public long Version(string districtKey)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM pair_decisions WHERE district_key = @districtKey", new { districtKey });
    }

    /// <summary>Every ended step with an outcome, of the district (all when null).</summary>
    public IReadOnlyList<PairDecisionRecord> Outcomes(string? districtKey)
    {
        using var connection = database.Open();
        return Read(connection, null, "WHERE decision = 'ended' AND outcome IS NOT NULL AND (@districtKey IS NULL OR district_key = @districtKey) ORDER BY id",
            new { districtKey });
    }

    public static IReadOnlyList<PairDecisionRecord> Current(IDbConnection connection, IDbTransaction? transaction, string? districtKey) =>
        Read(connection, transaction,
            """
            WHERE id IN (SELECT max(id) FROM pair_decisions GROUP BY mentee_ags, mentor_ags)
              AND (@districtKey IS NULL OR district_key = @districtKey)
            ORDER BY mentee_ags, mentor_ags
            """,
            new { districtKey });

    private static List<PairDecisionRecord> Read(IDbConnection connection, IDbTransaction? transaction, string where, object parameters) =>
        [.. connection.Query<Row>($"SELECT {Columns} FROM pair_decisions {where}", parameters, transaction).Select(r => r.ToRecord())];

    private sealed class Row
    {
        public long Id { get; init; }
        public string DistrictKey { get; init; } = "";
        public string MenteeAgs { get; init; } = "";
        public string MentorAgs { get; init; } = "";
        public string Decision { get; init; } = "";
        public string DecidedOn { get; init; } = "";
        public string? Reason { get; init; }
        public string? Note { get; init; }
        public string? Outcome { get; init; }
        public string? OutcomeTopics { get; init; }
        public string RecordedAt { get; init; } = "";
        public string KeyName { get; init; } = "";

        public PairDecisionRecord ToRecord() => new(
            Id, DistrictKey, MenteeAgs, MentorAgs, Decision,
            DateOnly.ParseExact(DecidedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Reason, Note, Outcome,
            OutcomeTopics is null ? [] : JsonSerializer.Deserialize<List<string>>(OutcomeTopics) ?? [],
            DateTimeOffset.Parse(RecordedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            KeyName);
    }
}

/// <summary>Audit action names of decisions, measures and webhooks.</summary>
public static class DecisionAuditActions
{
    public const string PairDecide = "pairing.decide";
    public const string MeasureCreate = "measure.create";
    public const string MeasureUpdate = "measure.update";
    public const string WebhookCreate = "webhook.create";
}
