using System.Diagnostics;
using Readiness.Api.Runs;
using Readiness.Benchmarks.Infrastructure;

namespace Readiness.Benchmarks.Runs;

/// <summary>What one stage cost besides its time: the peak resident memory while it ran, and what it allocated.</summary>
internal sealed record StageMemory(string Stage, long PeakBytes, long AllocatedBytes, int Gen2Collections);

/// <summary>
/// Put in place of the service's run faults, it is called as each stage starts (the executor's own
/// hook), closes the previous stage's memory figures and opens the next; it never fails a run.
/// </summary>
internal sealed class StageProbe(bool measureLiveHeap = false) : IRunFaults
{
    private readonly Lock gate = new();
    private readonly List<StageMemory> stages = [];
    private (string Name, long Allocated, int Gen2)? open;

    public IReadOnlyList<StageMemory> Stages => stages;

    /// <summary>With <c>--live-heap</c>: the live managed heap at each stage's start (after a full collection, which costs time).</summary>
    public List<(string Stage, long Bytes)> LiveHeap { get; } = [];

    public void BeforeStage(string stage)
    {
        lock (gate)
        {
            if (measureLiveHeap)
            {
                LiveHeap.Add((stage, GC.GetTotalMemory(forceFullCollection: true)));
            }

            Close();
            PeakMemory.Reset();
            open = (stage, GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(2));
        }
    }

    /// <summary>Starts a run: forgets the previous run's stages.</summary>
    public void Start()
    {
        lock (gate)
        {
            stages.Clear();
            LiveHeap.Clear();
            open = null;
            PeakMemory.Reset();
        }
    }

    /// <summary>Ends the run: closes the last stage.</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (measureLiveHeap)
            {
                LiveHeap.Add(("(end)", GC.GetTotalMemory(forceFullCollection: true)));
            }

            Close();
        }
    }

    private void Close()
    {
        if (open is { } current)
        {
            stages.Add(new StageMemory(current.Name, PeakMemory.Peak(), GC.GetTotalAllocatedBytes(precise: false) - current.Allocated,
                GC.CollectionCount(2) - current.Gen2));
            open = null;
        }

        Debug.Assert(open is null, "closed");
    }
}
