using Readiness.Api.Measures;
using Readiness.Api.Runs;
using Readiness.Api.Webhooks;
using Readiness.Data.Decisions;

namespace Readiness.Api.Decisions;

/// <summary>After a run is published: notes the measures it first saw overdue (its changes list them) and tells subscribers.</summary>
internal sealed class RunPublishedListener(MeasureStore measures, WebhookEvents events, TimeProvider time) : IRunPublishedListener
{
    public void Published(long runId)
    {
        var overdue = measures.NoticeOverdue(runId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        events.Publish(WebhookEventNames.RunPublished, new { runId, measuresOverdue = overdue.Count });
        foreach (var measure in overdue)
        {
            events.Publish(WebhookEventNames.MeasureOverdue, new { runId, measure = measure.ToOverdueDto() });
        }
    }
}
