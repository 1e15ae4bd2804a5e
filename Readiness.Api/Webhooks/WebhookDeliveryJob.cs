using System.Globalization;
using System.Text;
using Hangfire;
using Microsoft.Extensions.Options;
using Readiness.Data.Decisions;

namespace Readiness.Api.Webhooks;

/// <summary>
/// Sends one delivery. On a failure (no answer, not 2xx, or an address no longer allowed) it schedules itself again with a
/// growing delay until <see cref="WebhookOptions.MaxAttempts"/>; the message id stays the same, so a receiver can deduplicate.
/// </summary>
public sealed class WebhookDeliveryJob(
    WebhookStore store, WebhookSecrets secrets, IHttpClientFactory clients, IBackgroundJobClient jobs, IOptions<WebhookOptions> options, TimeProvider time,
    ILogger<WebhookDeliveryJob> logger)
{
    public const string ClientName = "webhooks";

    [AutomaticRetry(Attempts = 0)]
    public async Task Deliver(long deliveryId, CancellationToken cancellationToken)
    {
        if (store.Delivery(deliveryId) is not { Status: "pending" } delivery || store.Find(delivery.SubscriptionId) is not { } subscription)
        {
            return;
        }

        var (statusCode, error) = await SendAsync(delivery, subscription, cancellationToken);
        var delivered = error is null;
        var attempts = delivery.Attempts + 1;
        var status = delivered ? "delivered" : attempts >= options.Value.MaxAttempts ? "failed" : "pending";
        store.RecordAttempt(deliveryId, status, statusCode, error, time.GetUtcNow());
        if (status == "pending")
        {
            var delay = TimeSpan.FromSeconds(options.Value.FirstRetrySeconds * Math.Pow(4, attempts - 1));
            jobs.Schedule<WebhookDeliveryJob>(job => job.Deliver(deliveryId, CancellationToken.None), delay);
            logger.LogInformation("Webhook delivery {DeliveryId} failed ({Error}); try {Attempt} in {Delay}", deliveryId, error, attempts + 1, delay);
        }
    }

    private async Task<(int? StatusCode, string? Error)> SendAsync(WebhookDelivery delivery, WebhookSubscription subscription, CancellationToken cancellationToken)
    {
        // Checked again at every try: the name may resolve elsewhere now than at registration.
        if (await WebhookUrls.RefuseAsync(subscription.Url, options.Value.AllowLoopback, cancellationToken) is { } refused)
        {
            return (null, refused);
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secrets.Unprotect(subscription.Secret), delivery.MessageId, timestamp, delivery.Payload));
        try
        {
            using var client = clients.CreateClient(ClientName);
            client.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? ((int)response.StatusCode, null) : ((int)response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (null, exception.Message);
        }
    }
}
