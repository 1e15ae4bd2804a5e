namespace Readiness.Data.Runs;

/// <summary>What started a run: the <c>trigger</c> of every run record and API answer (machine values, never changed).</summary>
public static class RunTriggers
{
    /// <summary>Started through <c>POST /api/v1/runs</c>: by day, while planners read.</summary>
    public const string Manual = "manual";

    /// <summary>The nightly job.</summary>
    public const string Schedule = "schedule";

    /// <summary>The first run of a fresh install, started by the service itself.</summary>
    public const string Startup = "startup";
}
