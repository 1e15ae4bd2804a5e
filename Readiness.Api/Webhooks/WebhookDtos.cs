namespace Readiness.Api.Webhooks;

/// <summary>A subscription to register.</summary>
/// <param name="Url">Where deliveries go: https, to a public address.</param>
/// <param name="Events">Events wanted: run.published, pairing.decided, measure.overdue, measure.changed.</param>
/// <param name="Secret">The signing secret, <c>whsec_</c> + base64 of 24 to 64 bytes; generated when absent (and shown once).</param>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events, string? Secret);

/// <summary>A webhook subscription.</summary>
/// <param name="Id">Id.</param>
/// <param name="Url">Where deliveries go.</param>
/// <param name="Events">Events it receives.</param>
/// <param name="Secret">The signing secret: only in the answer to the registration.</param>
/// <param name="CreatedAt">When it was registered (UTC).</param>
public sealed record WebhookDto(long Id, string Url, IReadOnlyList<string> Events, string? Secret, DateTimeOffset CreatedAt);

/// <summary>One delivery of an event to a subscription.</summary>
/// <param name="Id">Id.</param>
/// <param name="MessageId">The webhook-id header, the same on every try.</param>
/// <param name="EventType">The event.</param>
/// <param name="Status">pending (a try is scheduled), delivered, failed (no more tries).</param>
/// <param name="Attempts">Tries so far.</param>
/// <param name="LastStatusCode">HTTP status of the last try, if there was an answer.</param>
/// <param name="LastError">What went wrong at the last try.</param>
/// <param name="CreatedAt">When the event happened (UTC).</param>
/// <param name="LastAttemptAt">When it was last tried (UTC).</param>
public sealed record WebhookDeliveryDto(
    long Id, string MessageId, string EventType, string Status, long Attempts, long? LastStatusCode, string? LastError, DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt);
