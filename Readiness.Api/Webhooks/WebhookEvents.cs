using System.Text.Json;
using Hangfire;
using Readiness.Data.Decisions;

namespace Readiness.Api.Webhooks;

/// <summary>
/// Hands an event to every subscription that wants it: one delivery row each, sent by a Hangfire job. Never blocks or
/// fails the caller: a problem here is logged, the request or run goes on.
/// </summary>
public sealed class WebhookEvents(WebhookStore store, IServiceProvider services, TimeProvider time, ILogger<WebhookEvents> logger)
{
    public void Publish(string type, object data)
    {
        try
        {
            var subscriptions = store.Active().Where(s => s.EventList.Contains(type)).ToList();
            if (subscriptions.Count == 0)
            {
                return;
            }

            var now = time.GetUtcNow();
            var payload = JsonSerializer.Serialize(new { type, timestamp = now, data }, ApiJson.Options);
            var jobs = services.GetRequiredService<IBackgroundJobClient>();
            foreach (var subscription in subscriptions)
            {
                var id = store.AddDelivery(subscription.Id, $"msg_{Guid.NewGuid():N}", type, payload, now);
                jobs.Enqueue<WebhookDeliveryJob>(job => job.Deliver(id, CancellationToken.None));
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(exception, "Event {Type} could not be handed to its webhook subscriptions", type);
        }
    }
}
