using System.ComponentModel.DataAnnotations;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

/// <summary>The <c>Readiness:Runs</c> section: on how many threads, and at which priority, a run computes.</summary>
public sealed class RunThreadOptions
{
    public const string Section = "Readiness:Runs";

    /// <summary>Threads of the run's own scheduler; 0 means one per core.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>
    /// The run threads' priority as a Linux nice value: 0 shares the cores equally with requests, 19 lets requests
    /// go first. Elsewhere above 0 means below normal, 15 and above the lowest priority.
    /// </summary>
    [Range(0, 19)]
    public int Nice { get; set; } = 19;

    /// <summary>
    /// Threads for a run started by hand (<c>POST /api/v1/runs</c>: by day, while planners read); 0 means one core
    /// fewer than <see cref="Threads"/>, at least one. The nightly and the first run take <see cref="Threads"/>.
    /// </summary>
    [Range(0, 256)]
    public int ManualThreads { get; set; }

    /// <summary>
    /// After a run, collect and compact the heap and hand free memory back to the system, so the service's size stays
    /// where the served run puts it instead of where the run's peak left it (docs/benchmarks.md, "Soak").
    /// </summary>
    public bool CompactAfterRun { get; set; } = true;

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>How many threads a run's loops may use, by what started it (the run's trigger).</summary>
    public int ThreadsFor(string? trigger) => trigger == RunTriggers.Manual
        ? Math.Min(EffectiveThreads, ManualThreads > 0 ? ManualThreads : Math.Max(1, EffectiveThreads - 1))
        : EffectiveThreads;
}
