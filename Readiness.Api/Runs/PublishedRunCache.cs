using Readiness.Data;
using Readiness.Data.Assessments;
using Readiness.Data.Profiles;
using Readiness.Data.Runs;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Runs;

/// <summary>
/// The published run in memory, swapped atomically when a new one is published (by this process
/// at once, or by a worker, noticed by <see cref="PublishedRunWatcher"/>). A new run is served as soon as
/// its scores and peer groups are read; its pairs and shared-service groups are read right after, in the
/// background (a request that needs them first waits for them). Earlier runs asked for with <c>?run=</c>
/// are loaded whole on demand and a few are kept.
/// </summary>
public sealed class PublishedRunCache(
    Database database, RunStore runs, BaseDataCache baseData, ProfileStore profiles, AssessmentStore assessments, IReadinessAnswerWriter answers,
    ILogger<PublishedRunCache> logger)
{
    private const int EarlierRunsKept = 3;
    private readonly Lock gate = new();

    // Earlier runs load under a lock of their own: a slow load never holds up publishing the current run.
    private readonly Lock earlierGate = new();
    private readonly LinkedList<PublishedRun> earlier = new();
    private PublishedRun? current;

    /// <summary>How many earlier runs are held in memory (at most 3).</summary>
    internal int EarlierRunsHeld
    {
        get
        {
            lock (earlierGate)
            {
                return earlier.Count;
            }
        }
    }

    /// <summary>The id of the run held as current, without looking at the store; null before one is loaded.</summary>
    internal long? HeldId => Volatile.Read(ref current)?.Id;

    /// <summary>The current run, or null before the first run has been published.</summary>
    public PublishedRun? Current
    {
        get
        {
            var run = Volatile.Read(ref current);
            if (run is not null)
            {
                return run;
            }

            Refresh();
            return Volatile.Read(ref current);
        }
    }

    /// <summary>Loads the published run if it is not the one in memory; the rest of it is read in the background.</summary>
    public void Refresh() => Refresh(completeInBackground: true);

    private void Refresh(bool completeInBackground)
    {
        var id = runs.CurrentId();
        if (id is null || Volatile.Read(ref current)?.Id == id)
        {
            return;
        }

        PublishedRun? loaded;
        lock (gate)
        {
            if (current?.Id == id)
            {
                return;
            }

            loaded = Load(id.Value);
            if (loaded is null)
            {
                return;
            }

            Volatile.Write(ref current, loaded);
        }

        if (completeInBackground)
        {
            _ = Task.Run(() => Complete(loaded));
        }
    }

    private void Complete(PublishedRun run)
    {
        try
        {
            run.Complete();
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            // Read again by the first request that needs it.
            logger.LogWarning(exception, "Could not read the rest of run {RunId} in the background", run.Id);
        }
    }

    /// <summary>
    /// Serves the published run if a run is held in memory already, leaving the rest of it to <see cref="CompleteCurrent"/>:
    /// the run that published it calls both, on its own thread, so that what it announces in between comes at once and
    /// its collection afterwards finds the new run complete. A process that serves nothing (a worker) holds none and so
    /// never loads one; the API loads the first on demand.
    /// </summary>
    public void RefreshIfLoaded()
    {
        if (Volatile.Read(ref current) is not null)
        {
            Refresh(completeInBackground: false);
        }
    }

    /// <summary>Reads the rest of the run held as current on the calling thread (see <see cref="RefreshIfLoaded"/>).</summary>
    public void CompleteCurrent()
    {
        if (Volatile.Read(ref current) is { } run)
        {
            Complete(run);
        }
    }

    /// <summary>A run by id: the current one from memory, an earlier published one from the store; null when it does not exist or was never published.</summary>
    public PublishedRun? Get(long id)
    {
        var now = Current;
        if (now?.Id == id)
        {
            return now;
        }

        lock (earlierGate)
        {
            var kept = earlier.FirstOrDefault(r => r.Id == id);
            if (kept is not null)
            {
                return kept;
            }

            var loaded = Load(id);
            if (loaded is null)
            {
                return null;
            }

            // Whole, while it is certainly still stored: retention may remove an earlier run's rows while it is kept here.
            loaded.Complete();
            earlier.AddFirst(loaded);
            while (earlier.Count > EarlierRunsKept)
            {
                earlier.RemoveLast();
            }

            return loaded;
        }
    }

    private PublishedRun? Load(long id)
    {
        var run = runs.Get(id);
        if (run is null || run.PublishedAt is null)
        {
            return null;
        }

        var rows = RunResultReader.ReadServed(database, id);
        return new PublishedRun(run, rows, database, baseData,
            () => assessments.ForRun(id, DefaultProfile.Instance.Name),
            name => profiles.Find(name)?.Profile, answers);
    }
}
