namespace Readiness.Api.Webhooks;

/// <summary>The events a partner may subscribe to.</summary>
public static class WebhookEventNames
{
    public const string RunPublished = "run.published";
    public const string PairingDecided = "pairing.decided";
    public const string MeasureOverdue = "measure.overdue";
    public const string MeasureChanged = "measure.changed";

    public static readonly IReadOnlyList<string> All = [RunPublished, PairingDecided, MeasureOverdue, MeasureChanged];
}
