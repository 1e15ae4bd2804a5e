namespace Readiness.Data.Runs;

/// <summary>A run as stored: its provenance and outcome.</summary>
public sealed record RunRecord(
    long Id,
    string Status,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset HeartbeatAt,
    string Owner,
    string? InputVersion,
    string? Parameters,
    string? Stages,
    string? Error,
    DateTimeOffset? PublishedAt,
    string? RequestedBy)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Unchanged = "unchanged";
}

/// <summary>Why a run could not start: another one is running.</summary>
public sealed record RunConflict(long RunningRunId, DateTimeOffset StartedAt);
