using System.Security.Claims;
using Microsoft.Extensions.Options;
using Readiness.Api.Auth;
using Readiness.Api.Idempotency;
using Readiness.Api.Localization;
using Readiness.Data.ApiKeys;
using Readiness.Data.Decisions;

namespace Readiness.Api.Webhooks;

internal static class WebhookEndpoints
{
    private static readonly WebhookDto Example = new(3, "https://partner.example/readiness-hook", [WebhookEventNames.RunPublished, WebhookEventNames.MeasureOverdue],
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));

    private static readonly IReadOnlyList<WebhookDeliveryDto> DeliveriesExample =
    [
        new(17, "msg_2b7c0d6e4f0a4b1e9c3d5f7a8b9c0d1e", WebhookEventNames.RunPublished, "delivered", 1, 200, null,
            new DateTimeOffset(2026, 3, 13, 2, 4, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 13, 2, 4, 1, TimeSpan.Zero)),
    ];

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks");

        group.MapPost("/", Register)
            .RequireRole(Role.Admin)
            .IdempotentWith<WebhookRequest>()
            .WithName("RegisterWebhook")
            .WithRequestExample(new WebhookRequest(Example.Url, Example.Events, null))
            .WithResponseExample(Example, StatusCodes.Status201Created)
            .WithSummary("Register a webhook subscription")
            .WithDescription("Events are delivered as POSTs signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`, `webhook-signature` = "
                + "`v1,` + base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` with the secret), retried with growing delays, never holding up a run or a "
                + "request. Only https URLs that resolve to public addresses. The secret is shown in this answer only and stored encrypted; a "
                + "replay for the same `Idempotency-Key` answers the subscription without it (send your own `secret` to be sure to have it). Admin only; audited.");

        group.MapGet("/", List)
            .RequireRole(Role.Admin)
            .WithName("ListWebhooks")
            .WithSummary("List webhook subscriptions")
            .WithDescription("Active subscriptions, without their secrets. Admin only.");

        group.MapGet("/{id:long}/deliveries", Deliveries)
            .RequireRole(Role.Admin)
            .WithName("ListWebhookDeliveries")
            .WithResponseExample(DeliveriesExample)
            .WithSummary("The deliveries of a subscription")
            .WithDescription("The newest 500 deliveries with their state, tries and the last answer or error. Admin only.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    /// <summary>Registers a subscription.</summary>
    internal static async Task<Results<Created<WebhookDto>, ValidationProblem>> Register(
        WebhookRequest body, ClaimsPrincipal user, WebhookStore store, WebhookSecrets secrets, IOptions<WebhookOptions> options, TimeProvider time,
        HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (await WebhookUrls.RefuseAsync(body.Url, options.Value.AllowLoopback, cancellationToken) is { } refused)
        {
            errors["url"] = [refused];
        }

        if (body.Events is not { Count: > 0 } || body.Events.Any(e => !WebhookEventNames.All.Contains(e)))
        {
            errors["events"] = [Texts.Format("Webhook.Events", string.Join(", ", WebhookEventNames.All))];
        }

        if (body.Secret is not null && !ValidSecret(body.Secret))
        {
            errors["secret"] = [Texts.Format("Webhook.Secret", WebhookSignature.Prefix)];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var secret = body.Secret ?? WebhookSignature.NewSecret();
        var write = context.IdempotentWrite();
        // The recorded answer leaves the secret out: it is shown once, and a replay is not that once.
        var created = store.Create(body.Url!, [.. body.Events!.Distinct(StringComparer.Ordinal)], secrets.Protect(secret), Caller.From(user).Actor, time.GetUtcNow(),
            write is null ? null : (connection, transaction, s) => write.Record(connection, transaction, StatusCodes.Status201Created, Location(s), ToDto(s, null)));
        return TypedResults.Created(Location(created), ToDto(created, secret));
    }

    /// <summary>Lists subscriptions.</summary>
    internal static Ok<IReadOnlyList<WebhookDto>> List(WebhookStore store) =>
        TypedResults.Ok<IReadOnlyList<WebhookDto>>([.. store.Active().Select(s => ToDto(s, null))]);

    /// <summary>Lists a subscription's deliveries.</summary>
    internal static Results<Ok<IReadOnlyList<WebhookDeliveryDto>>, ProblemHttpResult> Deliveries([Description("Subscription id.")] long id, WebhookStore store)
    {
        if (store.Find(id) is null)
        {
            return Problems.NotFound("Webhook", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return TypedResults.Ok<IReadOnlyList<WebhookDeliveryDto>>([.. store.Deliveries(id).Select(d => new WebhookDeliveryDto(
            d.Id, d.MessageId, d.EventType, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.CreatedAt, d.LastAttemptAt))]);
    }

    private static string Location(WebhookSubscription subscription) => $"/api/v1/webhooks/{subscription.Id}";

    private static WebhookDto ToDto(WebhookSubscription s, string? secret) => new(s.Id, s.Url, s.EventList, secret, s.CreatedAt);

    private static bool ValidSecret(string secret)
    {
        if (!secret.StartsWith(WebhookSignature.Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var bytes = new byte[96];
        return Convert.TryFromBase64String(secret[WebhookSignature.Prefix.Length..], bytes, out var length) && length is >= 24 and <= 64;
    }
}
