using System.ComponentModel.DataAnnotations;

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

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
