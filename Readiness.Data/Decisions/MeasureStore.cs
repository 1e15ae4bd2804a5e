using System.Data;
using System.Globalization;
using Dapper;
using Readiness.Data.Audit;

namespace Readiness.Data.Decisions;

/// <summary>A measure of the integration plan as stored.</summary>
public sealed record MeasureRecord
{
    public long Id { get; init; }
    public string DistrictKey { get; init; } = "";
    public string Title { get; init; } = "";
    public string FieldOfAction { get; init; } = "";
    public string AddresseeKind { get; init; } = "";
    public string? AddresseeAgs { get; init; }
    public string? ResponsibleRole { get; init; }
    public DateOnly DueDate { get; init; }
    public string Status { get; init; } = "planned";
    public string? Consequence { get; init; }
    public string? LinkAgs { get; init; }
    public string? LinkIndicator { get; init; }
    public string? LinkMentee { get; init; }
    public string? LinkMentor { get; init; }
    public string? LinkSharedGroup { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; } = 1;

    /// <summary>Open measures are those still to be done.</summary>
    public bool IsOpen => Status is "planned" or "in-progress";

    public bool IsOverdue(DateOnly today) => IsOpen && DueDate < today;
}

/// <summary>A measure first seen overdue by a run.</summary>
public sealed record OverdueNotice(long MeasureId, long RunId);

/// <summary>Measures: created and updated with their audit entry in one transaction; updates only on the expected version.</summary>
public sealed class MeasureStore(Database database)
{
    private const string Columns =
        """
        id, district_key, title, field_of_action, addressee_kind, addressee_ags, responsible_role, due_date, status, consequence,
        link_ags, link_indicator, link_mentee, link_mentor, link_shared_group, created_at, updated_at, version
        """;

    public MeasureRecord Create(MeasureRecord measure, AuditActor actor, DateTimeOffset now, AlsoInTransaction<MeasureRecord>? also = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(actor);
        return database.InTransaction((connection, transaction) =>
        {
            var id = connection.ExecuteScalar<long>(
                $"""
                INSERT INTO measures ({Columns.Replace("id, ", "", StringComparison.Ordinal)})
                VALUES (@DistrictKey, @Title, @FieldOfAction, @AddresseeKind, @AddresseeAgs, @ResponsibleRole, @dueDate, @Status, @Consequence,
                        @LinkAgs, @LinkIndicator, @LinkMentee, @LinkMentor, @LinkSharedGroup, @at, @at, 1)
                RETURNING id
                """,
                Parameters(measure, now), transaction);
            AuditLog.Record(connection, transaction, new AuditEntry(actor, DecisionAuditActions.MeasureCreate, $"measure/{id}",
                new { id, measure.DistrictKey, measure.Title, measure.Status, dueDate = measure.DueDate }) { At = now });
            var created = Get(connection, transaction, id)!;
            also?.Invoke(connection, transaction, created);
            return created;
        });
    }

    /// <summary>Writes <paramref name="changed"/> when the stored version is still <paramref name="expectedVersion"/>; null when it is not.</summary>
    public MeasureRecord? Update(MeasureRecord changed, long expectedVersion, object changes, AuditActor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(actor);
        return database.InTransaction((connection, transaction) =>
        {
            var parameters = new DynamicParameters(Parameters(changed, now));
            parameters.Add("id", changed.Id);
            parameters.Add("expected", expectedVersion);
            var updated = connection.Execute(
                """
                UPDATE measures SET title = @Title, field_of_action = @FieldOfAction, addressee_kind = @AddresseeKind, addressee_ags = @AddresseeAgs,
                    responsible_role = @ResponsibleRole, due_date = @dueDate, status = @Status, consequence = @Consequence,
                    link_ags = @LinkAgs, link_indicator = @LinkIndicator, link_mentee = @LinkMentee, link_mentor = @LinkMentor,
                    link_shared_group = @LinkSharedGroup, updated_at = @at, version = version + 1
                WHERE id = @id AND version = @expected
                """,
                parameters, transaction);
            if (updated == 0)
            {
                return null;
            }

            // A new due date may make it overdue again later: the next run notices it anew.
            connection.Execute("DELETE FROM measure_overdue_notices WHERE measure_id = @id AND due_date <> @dueDate",
                new { id = changed.Id, dueDate = Date(changed.DueDate) }, transaction);
            AuditLog.Record(connection, transaction, new AuditEntry(actor, DecisionAuditActions.MeasureUpdate, $"measure/{changed.Id}", changes) { At = now });
            return Get(connection, transaction, changed.Id);
        });
    }

    public MeasureRecord? Get(long id)
    {
        using var connection = database.Open();
        return Get(connection, null, id);
    }

    public IReadOnlyList<MeasureRecord> OfDistrict(string districtKey)
    {
        using var connection = database.Open();
        return Read(connection, null, "WHERE district_key = @districtKey ORDER BY id", new { districtKey });
    }

    /// <summary>Ids of every open measure past its due date, ascending.</summary>
    public IReadOnlyList<long> OverdueIds(DateOnly today)
    {
        using var connection = database.Open();
        return connection.Query<long>(
            "SELECT id FROM measures WHERE status IN ('planned', 'in-progress') AND due_date < @today ORDER BY id",
            new { today = Date(today) }).AsList();
    }

    /// <summary>Records, for the run <paramref name="runId"/>, every overdue measure no run noticed before; returns those.</summary>
    public IReadOnlyList<MeasureRecord> NoticeOverdue(long runId, DateOnly today) => database.InTransaction((connection, transaction) =>
    {
        var fresh = Read(connection, transaction,
            """
            WHERE status IN ('planned', 'in-progress') AND due_date < @today
              AND id NOT IN (SELECT measure_id FROM measure_overdue_notices)
            ORDER BY id
            """,
            new { today = Date(today) });
        foreach (var measure in fresh)
        {
            connection.Execute("INSERT INTO measure_overdue_notices (measure_id, run_id, due_date) VALUES (@Id, @runId, @dueDate)",
                new { measure.Id, runId, dueDate = Date(measure.DueDate) }, transaction);
        }

        return fresh;
    });

    /// <summary>Measures first noticed overdue by a run after <paramref name="afterRunId"/> up to <paramref name="runId"/>.</summary>
    public IReadOnlyList<MeasureRecord> NoticedBetween(long afterRunId, long runId)
    {
        using var connection = database.Open();
        return Read(connection, null,
            "WHERE id IN (SELECT measure_id FROM measure_overdue_notices WHERE run_id > @afterRunId AND run_id <= @runId) ORDER BY id",
            new { afterRunId, runId });
    }

    private static MeasureRecord? Get(IDbConnection connection, IDbTransaction? transaction, long id) =>
        Read(connection, transaction, "WHERE id = @id", new { id }).SingleOrDefault();

    private static List<MeasureRecord> Read(IDbConnection connection, IDbTransaction? transaction, string where, object parameters) =>
        [.. connection.Query<MeasureRecord>($"SELECT {Columns} FROM measures {where}", parameters, transaction)];

    private static object Parameters(MeasureRecord m, DateTimeOffset now) => new
    {
        m.DistrictKey, m.Title, m.FieldOfAction, m.AddresseeKind, m.AddresseeAgs, m.ResponsibleRole, dueDate = Date(m.DueDate), m.Status,
        m.Consequence, m.LinkAgs, m.LinkIndicator, m.LinkMentee, m.LinkMentor, m.LinkSharedGroup,
        at = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
    };

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
