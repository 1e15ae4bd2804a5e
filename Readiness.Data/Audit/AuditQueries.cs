using System.Globalization;
using Dapper;

namespace Readiness.Data.Audit;

/// <summary>A recorded change; <see cref="Changes"/> is JSON.</summary>
public sealed record AuditRecord(long Id, DateTimeOffset At, long? KeyId, string KeyName, string Role, string Action, string? Target, string? Changes);

/// <summary>Filters of the audit list; null means "any".</summary>
public sealed record AuditFilter(string? Action = null, DateTimeOffset? Since = null, string? KeyName = null, string? Target = null);

/// <summary>Read side of the audit log, newest first.</summary>
public sealed class AuditQueries(Database database)
{
    public (IReadOnlyList<AuditRecord> Items, int Total) List(AuditFilter filter, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(filter);
        const string Where =
            """
            WHERE (@action IS NULL OR action = @action)
              AND (@since IS NULL OR at >= @since)
              AND (@keyName IS NULL OR key_name = @keyName)
              AND (@target IS NULL OR target = @target)
            """;
        var parameters = new
        {
            action = filter.Action,
            // Stored as UTC ISO 8601 in one format, so text order is time order.
            since = filter.Since?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            keyName = filter.KeyName,
            target = filter.Target,
            limit = pageSize,
            offset = (long)(page - 1) * pageSize,
        };
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>($"SELECT count(*) FROM audit_log {Where}", parameters);
        var items = connection.Query<AuditRow>(
            $"""
            SELECT id, at, key_id, key_name, role, action, target, changes
            FROM audit_log {Where}
            ORDER BY id DESC
            LIMIT @limit OFFSET @offset
            """,
            parameters).Select(r => new AuditRecord(
                r.Id, DateTimeOffset.Parse(r.At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                r.KeyId, r.KeyName, r.Role, r.Action, r.Target, r.Changes)).ToList();
        return (items, total);
    }

    private sealed record AuditRow(long Id, string At, long? KeyId, string KeyName, string Role, string Action, string? Target, string? Changes);
}
