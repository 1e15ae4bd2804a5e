using System.ComponentModel.DataAnnotations;

namespace Readiness.Api.Webhooks;

/// <summary>Webhook delivery settings (<c>Readiness:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Readiness:Webhooks";

    /// <summary>Allow http and https to loopback addresses (tests, a receiver on the same machine). Off: https to public addresses only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Tries per delivery, the first included; then it is marked failed.</summary>
    [Range(1, 20, ErrorMessage = "Readiness:Webhooks:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Seconds before the first retry; each further retry waits four times as long (10 s, 40 s, 160 s, …).</summary>
    [Range(1, 3600, ErrorMessage = "Readiness:Webhooks:FirstRetrySeconds must be between 1 and 3600.")]
    public int FirstRetrySeconds { get; set; } = 10;

    /// <summary>A receiver must answer within this many seconds.</summary>
    [Range(1, 60, ErrorMessage = "Readiness:Webhooks:TimeoutSeconds must be between 1 and 60.")]
    public int TimeoutSeconds { get; set; } = 10;
}
