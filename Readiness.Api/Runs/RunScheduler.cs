using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using Readiness.Scoring.Runs;

namespace Readiness.Api.Runs;

/// <summary>
/// Where a run computes in a serving process: threads of its own, by default at the lowest priority. Requests
/// keep the thread pool, and the operating system gives the cores to them first; the run takes what the
/// requests leave. Every parallel loop of the run's stages takes this scheduler (<see cref="StageParallelism"/>).
/// </summary>
public sealed class RunScheduler : TaskScheduler, IDisposable
{
    private const string ThreadName = "Readiness run";

    [ThreadStatic]
    private static RunScheduler? owner;

    private readonly BlockingCollection<Task> queue = new();
    private readonly Thread[] threads;

    public RunScheduler(IOptions<RunThreadOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        threads = [.. Enumerable.Range(0, settings.EffectiveThreads).Select(i => new Thread(() => Work(settings.Nice))
        {
            IsBackground = true,
            Name = $"{ThreadName} {i + 1}",
        })];
        foreach (var thread in threads)
        {
            thread.Start();
        }
    }

    public override int MaximumConcurrencyLevel => threads.Length;

    /// <summary>
    /// Runs <paramref name="work"/> on this scheduler and waits for it; its loops stay on this scheduler's threads,
    /// each on at most <paramref name="parallelism"/> of them (-1: all).
    /// </summary>
    public void Run(Action work, int parallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(work);
        Task.Factory.StartNew(
            () => StageParallelism.On(this, () =>
            {
                work();
                return true;
            }, parallelism),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            this).GetAwaiter().GetResult();
    }

    /// <summary>Lets the threads finish what is queued; a run still computing at shutdown keeps its thread (background, ended with the process).</summary>
    public void Dispose()
    {
        queue.CompleteAdding();
        if (threads.All(thread => thread.Join(TimeSpan.FromSeconds(5))))
        {
            queue.Dispose();
        }
    }

    protected override void QueueTask(Task task) => queue.Add(task);

    // A loop's thread waits for the loop's other parts: it may run them itself, but only on this scheduler's threads.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => owner == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => queue.ToArray();

    private void Work(int nice)
    {
        owner = this;
        if (nice > 0)
        {
            LowerPriority(nice);
        }

        foreach (var task in queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }

    // .NET does not apply Thread.Priority on Linux; there a thread's priority is its nice value (19 = lowest),
    // which a process may always raise for its own threads.
    private static void LowerPriority(int nice)
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetPriority(0, GetThreadId(), nice);
        }
        else
        {
            Thread.CurrentThread.Priority = nice >= 15 ? ThreadPriority.Lowest : ThreadPriority.BelowNormal;
        }
    }

    // Plain int signatures need no marshalling; DllImport keeps the project free of unsafe code.
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();
}
