using System.Globalization;
using Dapper;
using Readiness.Data.Audit;

namespace Readiness.Data.Decisions;

public sealed record WebhookSubscription
{
    public long Id { get; init; }
    public string Url { get; init; } = "";
    public string Events { get; init; } = "";
    /// <summary>The signing secret as stored: protected by the service (Data Protection), not the secret itself.</summary>
    public string Secret { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string KeyName { get; init; } = "";

    public IReadOnlyList<string> EventList => Events.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

public sealed record WebhookDelivery
{
    public long Id { get; init; }
    public long SubscriptionId { get; init; }
    public string MessageId { get; init; } = "";
    public string EventType { get; init; } = "";
    public string Payload { get; init; } = "";
    public string Status { get; init; } = "pending";
    public long Attempts { get; init; }
    public long? LastStatusCode { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
}

/// <summary>Webhook subscriptions and their deliveries.</summary>
public sealed class WebhookStore(Database database)
{
    private const string SubscriptionColumns = "id, url, events, secret, created_at, key_name";
    private const string DeliveryColumns =
        "id, subscription_id, message_id, event_type, payload, status, attempts, last_status_code, last_error, created_at, last_attempt_at";

    public WebhookSubscription Create(
        string url, IReadOnlyList<string> events, string secret, AuditActor actor, DateTimeOffset now, AlsoInTransaction<WebhookSubscription>? also = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return database.InTransaction((connection, transaction) =>
        {
            var id = connection.ExecuteScalar<long>(
                "INSERT INTO webhook_subscriptions (url, events, secret, created_at, key_name) VALUES (@url, @events, @secret, @at, @keyName) RETURNING id",
                new { url, events = string.Join(',', events), secret, at = Time(now), keyName = actor.KeyName }, transaction);
            AuditLog.Record(connection, transaction, new AuditEntry(actor, DecisionAuditActions.WebhookCreate, $"webhook/{id}", new { id, url, events }) { At = now });
            var created = connection.QuerySingle<WebhookSubscription>($"SELECT {SubscriptionColumns} FROM webhook_subscriptions WHERE id = @id", new { id }, transaction);
            also?.Invoke(connection, transaction, created);
            return created;
        });
    }

    /// <summary>Replaces every secret still stored in plain text (it starts with <paramref name="plainPrefix"/>) by its protected form.</summary>
    public void ProtectPlainSecrets(string plainPrefix, Func<string, string> protect)
    {
        ArgumentNullException.ThrowIfNull(protect);
        database.InTransaction((connection, transaction) =>
        {
            var plain = connection.Query<(long Id, string Secret)>(
                "SELECT id, secret FROM webhook_subscriptions WHERE substr(secret, 1, length(@plainPrefix)) = @plainPrefix", new { plainPrefix }, transaction);
            foreach (var (id, secret) in plain)
            {
                connection.Execute("UPDATE webhook_subscriptions SET secret = @protected WHERE id = @id", new { id, @protected = protect(secret) }, transaction);
            }
        });
    }

    public IReadOnlyList<WebhookSubscription> Active()
    {
        using var connection = database.Open();
        return connection.Query<WebhookSubscription>($"SELECT {SubscriptionColumns} FROM webhook_subscriptions WHERE revoked_at IS NULL ORDER BY id").AsList();
    }

    public WebhookSubscription? Find(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<WebhookSubscription>(
            $"SELECT {SubscriptionColumns} FROM webhook_subscriptions WHERE id = @id AND revoked_at IS NULL", new { id });
    }

    public long AddDelivery(long subscriptionId, string messageId, string eventType, string payload, DateTimeOffset now)
    {
        using var connection = database.Open();
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO webhook_deliveries (subscription_id, message_id, event_type, payload, status, created_at)
            VALUES (@subscriptionId, @messageId, @eventType, @payload, 'pending', @at) RETURNING id
            """,
            new { subscriptionId, messageId, eventType, payload, at = Time(now) });
    }

    public WebhookDelivery? Delivery(long id)
    {
        using var connection = database.Open();
        return connection.QuerySingleOrDefault<WebhookDelivery>($"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE id = @id", new { id });
    }

    public IReadOnlyList<WebhookDelivery> Deliveries(long subscriptionId)
    {
        using var connection = database.Open();
        return connection.Query<WebhookDelivery>(
            $"SELECT {DeliveryColumns} FROM webhook_deliveries WHERE subscription_id = @subscriptionId ORDER BY id DESC LIMIT 500", new { subscriptionId }).AsList();
    }

    /// <summary>Records one attempt: <paramref name="status"/> delivered, failed (no more tries) or pending (another try is scheduled).</summary>
    public void RecordAttempt(long id, string status, int? statusCode, string? error, DateTimeOffset now)
    {
        using var connection = database.Open();
        connection.Execute(
            """
            UPDATE webhook_deliveries SET status = @status, attempts = attempts + 1, last_status_code = @statusCode, last_error = @error, last_attempt_at = @at
            WHERE id = @id
            """,
            new { id, status, statusCode, error, at = Time(now) });
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
