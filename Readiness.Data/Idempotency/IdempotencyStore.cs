using System.Data;
using System.Globalization;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Readiness.Data.Idempotency;

/// <summary>The first successful answer to a write sent with an <c>Idempotency-Key</c>.</summary>
/// <param name="ApiKeyId">The caller's API key; idempotency keys are scoped to it.</param>
/// <param name="Key">The Idempotency-Key header's value.</param>
/// <param name="Operation">Method and route, e.g. <c>POST /api/v1/assessments/import</c>.</param>
/// <param name="RequestHash">SHA-256 (hex) of method, path, query and body: the same key with another request is refused.</param>
/// <param name="Status">The answer's status code.</param>
/// <param name="Location">The answer's Location header, if any.</param>
/// <param name="Body">The answer's body (JSON).</param>
/// <param name="CreatedAt">When the write happened.</param>
public sealed record IdempotencyRecord(
    long ApiKeyId, string Key, string Operation, string RequestHash, int Status, string? Location, byte[] Body, DateTimeOffset CreatedAt);

/// <summary>Reads and records idempotent answers; each is written inside the transaction of the write it answers.</summary>
public sealed class IdempotencyStore(Database database)
{
    /// <summary>How long a key is remembered: the draft asks for at least 24 hours; two days leave room for a weekend retry queue.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    public IdempotencyRecord? Find(long apiKeyId, string key)
    {
        using var connection = database.Open();
        return Find(connection, null, apiKeyId, key);
    }

    public static IdempotencyRecord? Find(DbConnection connection, IDbTransaction? transaction, long apiKeyId, string key)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var row = connection.QuerySingleOrDefault<Row>(
            """
            SELECT api_key_id AS ApiKeyId, idempotency_key AS Key, operation, request_hash AS RequestHash, status, location, body, created_at AS CreatedAt
            FROM idempotency_keys WHERE api_key_id = @apiKeyId AND idempotency_key = @key
            """,
            new { apiKeyId, key }, transaction);
        return row is null ? null : new IdempotencyRecord(row.ApiKeyId, row.Key, row.Operation, row.RequestHash, (int)row.Status, row.Location, row.Body,
            DateTimeOffset.Parse(row.CreatedAt, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Records the answer inside the write's transaction. A key recorded meanwhile by a concurrent request
    /// makes the insert fail (primary key), so the whole write rolls back and the caller answers from that record.
    /// </summary>
    public static void Record(DbConnection connection, IDbTransaction transaction, IdempotencyRecord record)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(record);
        var created = record.CreatedAt.ToUniversalTime();
        connection.Execute("DELETE FROM idempotency_keys WHERE created_at < @cutoff",
            new { cutoff = (created - Retention).ToString("O", CultureInfo.InvariantCulture) }, transaction);
        connection.Execute(
            """
            INSERT INTO idempotency_keys (api_key_id, idempotency_key, operation, request_hash, status, location, body, created_at)
            VALUES (@ApiKeyId, @Key, @Operation, @RequestHash, @Status, @Location, @Body, @created)
            """,
            new { record.ApiKeyId, record.Key, record.Operation, record.RequestHash, record.Status, record.Location, record.Body, created = created.ToString("O", CultureInfo.InvariantCulture) },
            transaction);
    }

    /// <summary>Whether an exception is the primary key of a record a concurrent request wrote first.</summary>
    public static bool IsTaken(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("idempotency_keys", StringComparison.Ordinal),
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && postgres.TableName == "idempotency_keys",
        _ => false,
    };

    private sealed record Row(long ApiKeyId, string Key, string Operation, string RequestHash, long Status, string? Location, byte[] Body, string CreatedAt);
}
