using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Readiness.Data.ApiKeys;

namespace Readiness.Data.Audit;

/// <summary>Who made a change: an API key, or the command line.</summary>
public sealed record AuditActor(long? KeyId, string KeyName, string Role)
{
    public static AuditActor For(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, Roles.Name(key.Role));
    }

    /// <summary>An operator at the server's command line (the <c>keys</c> command), named by the OS user.</summary>
    public static AuditActor CommandLine() => new(null, $"command line ({Environment.UserName})", "operator");
}

/// <summary>One change to record.</summary>
/// <param name="Actor">Who made it.</param>
/// <param name="Action">What kind of change, e.g. <c>assessment.create</c>; see <see cref="AuditActions"/>.</param>
/// <param name="Target">What it changed: an AGS, an import batch id, a profile name, a key name.</param>
/// <param name="Changes">What changed, stored as compact JSON (camelCase); keep it small: ids, counts, the new values.</param>
public sealed record AuditEntry(AuditActor Actor, string Action, string? Target, object? Changes)
{
    /// <summary>When; now if not set.</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>The action names in use, so filters on <c>GET /api/v1/audit?action=</c> stay stable.</summary>
public static class AuditActions
{
    public const string AssessmentCreate = "assessment.create";
    public const string AssessmentImport = "assessment.import";
    public const string KeyCreate = "key.create";
    public const string KeyRevoke = "key.revoke";
    public const string ProfileUpdate = "profile.update";
    public const string RunStart = "run.start";
}

/// <summary>
/// Writes the audit log. Call it with the connection and transaction of the write it records, so
/// the write and its record land together or not at all.
/// </summary>
public static class AuditLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Records <paramref name="entry"/> inside the caller's transaction; returns its id.</summary>
    public static long Record(IDbConnection connection, IDbTransaction transaction, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Action);
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO audit_log (at, key_id, key_name, role, action, target, changes)
            VALUES (@at, @keyId, @keyName, @role, @action, @target, @changes)
            RETURNING id
            """,
            new
            {
                at = (entry.At ?? DateTimeOffset.UtcNow).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                keyId = entry.Actor.KeyId,
                keyName = entry.Actor.KeyName,
                role = entry.Actor.Role,
                action = entry.Action,
                target = entry.Target,
                changes = entry.Changes is null ? null : JsonSerializer.Serialize(entry.Changes, entry.Changes.GetType(), Json),
            },
            transaction);
    }
}
