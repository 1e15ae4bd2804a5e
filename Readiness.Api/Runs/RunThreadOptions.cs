using System.ComponentModel.DataAnnotations;

namespace Readiness.Api.Runs;

/// <summary>The <c>Readiness:Runs</c> section: on how many threads, and at which priority, a run computes.</summary>
public sealed class RunThreadOptions
{
    public const string Section = "Readiness:Runs";

    /// <summary>Threads of the run's own scheduler; 0 means one per core.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>Run at the operating system's lowest priority, so requests get the cores first. On by default.</summary>
    public bool LowPriority { get; set; } = true;

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
