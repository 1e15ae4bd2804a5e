namespace Readiness.Api.Webhooks;

/// <summary>Hands an event to every subscription that wants it; never blocks or fails the caller.</summary>
public sealed class WebhookEvents(ILogger<WebhookEvents> logger)
{
    public void Publish(string type, object data)
    {
        logger.LogDebug("Event {Type}: {Data}", type, data);
    }
}
