using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Readiness.Api.Runs;
using Readiness.Data.Runs;
using Readiness.Scoring.Runs;
using Readiness.Tests.Support;

namespace Readiness.Tests.Jobs;

/// <summary>A run computes on threads of its own at a low priority, so requests keep the thread pool (issue 14, item 16).</summary>
public sealed class RunSchedulerTests
{
    [Test]
    public void Run_KeepsTheStagesLoopsOnItsOwnThreads()
    {
        using var scheduler = Scheduler(threads: 2);
        var threads = new ConcurrentDictionary<string, int>();

        scheduler.Run(() => Parallel.For(0, 2_000, StageParallelism.Options(), _ =>
        {
            threads.AddOrUpdate(Thread.CurrentThread.Name ?? "thread pool", 1, (_, n) => n + 1);
            Thread.SpinWait(2_000);
        }));

        Assert.That(threads.Keys, Is.Not.Empty.And.All.StartWith("Readiness run"), "no iteration ran on the thread pool");
        Assert.That(threads.Values.Sum(), Is.EqualTo(2_000));
    }

    [Test]
    public void Run_WithAParallelismOfOne_KeepsEveryLoopOnOneThread()
    {
        using var scheduler = Scheduler(threads: 2);
        var threads = new ConcurrentDictionary<string, int>();

        scheduler.Run(() => Parallel.For(0, 2_000, StageParallelism.Options(maxDegreeOfParallelism: 4), _ =>
        {
            threads.AddOrUpdate(Thread.CurrentThread.Name ?? "thread pool", 1, (_, n) => n + 1);
            Thread.SpinWait(2_000);
        }), parallelism: 1);

        Assert.That(threads.Keys, Has.Count.EqualTo(1), "a loop's own degree cannot raise the run's");
        Assert.That(threads.Values.Sum(), Is.EqualTo(2_000));
    }

    [TestCase(4, 0, "manual", 3)]
    [TestCase(4, 0, "schedule", 4)]
    [TestCase(4, 0, "startup", 4)]
    [TestCase(1, 0, "manual", 1)]
    [TestCase(4, 2, "manual", 2)]
    [TestCase(2, 8, "manual", 2)]
    public void ThreadsFor_ARunStartedByHand_LeavesACoreToTheReaders(int threads, int manualThreads, string trigger, int expected) =>
        Assert.That(new RunThreadOptions { Threads = threads, ManualThreads = manualThreads }.ThreadsFor(trigger), Is.EqualTo(expected));

    [Test]
    public void Options_OutsideARun_UseTheThreadPool()
    {
        using var scheduler = Scheduler(threads: 1);
        TaskScheduler? inside = null;

        scheduler.Run(() => inside = StageParallelism.Options().TaskScheduler);

        Assert.That(inside, Is.SameAs(scheduler));
        Assert.That(StageParallelism.Options().TaskScheduler, Is.SameAs(TaskScheduler.Default), "the run's scheduler does not leak to its caller");
    }

    [Test]
    [CancelAfter(30_000)]
    public void Run_OnOneThread_FinishesNestedLoops()
    {
        using var scheduler = Scheduler(threads: 1);
        var sum = 0L;

        scheduler.Run(() => Parallel.For(0, 50, StageParallelism.Options(), i =>
            Parallel.For(0, 50, StageParallelism.Options(), j => Interlocked.Add(ref sum, (i * 50) + j))));

        Assert.That(sum, Is.EqualTo(Enumerable.Range(0, 2_500).Sum(x => (long)x)));
    }

    [Test]
    public void Run_LowersItsThreadsPriority()
    {
        Assume.That(OperatingSystem.IsLinux(), "the nice value is read from /proc");
        using var scheduler = Scheduler(threads: 1);
        var nice = 0;

        scheduler.Run(() => nice = NiceOfThisThread());

        Assert.That(nice, Is.EqualTo(19));
        Assert.That(NiceOfThisThread(), Is.Not.EqualTo(19), "the caller keeps its priority");
    }

    [Test]
    public void Execute_RunsEveryStageOnTheRunsThreads()
    {
        var faults = new ThreadRecordingFaults();
        using var factory = new ReadinessFactory(ReadinessFactory.Seed.BaseData).WithFastRuns().With("Readiness:Runs:ManualThreads", "1");
        using var withFaults = factory.WithFaults(faults);
        var runs = withFaults.Services.GetRequiredService<RunStore>();
        var (run, _) = runs.TryStart("manual", "test");

        withFaults.Services.GetRequiredService<RunExecutor>().Execute(run!.Id, CancellationToken.None);

        Assert.That(runs.Get(run.Id)!.Status, Is.EqualTo(RunRecord.Succeeded), runs.Get(run.Id)!.Error);
        Assert.That(faults.Stages.Keys, Is.SupersetOf(new[] { "peer-groups", "scores", "robustness", "shared-services", "prepare", "write" }));
        Assert.That(faults.Stages.Values, Has.All.Matches<(string? Thread, TaskScheduler Loops, int Degree)>(s =>
            s.Thread != null && s.Thread.StartsWith("Readiness run", StringComparison.Ordinal) && s.Loops is RunScheduler));
        Assert.That(faults.Stages.Values.Select(s => s.Degree).Distinct(), Is.EqualTo(new[] { 1 }),
            "a run started by hand computes on the threads set for it (ManualThreads)");
    }

    private static RunScheduler Scheduler(int threads) =>
        new(Options.Create(new RunThreadOptions { Threads = threads, Nice = 19 }));

    // Field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis.
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed class ThreadRecordingFaults : IRunFaults
    {
        public ConcurrentDictionary<string, (string? Thread, TaskScheduler Loops, int Degree)> Stages { get; } = new();

        public void BeforeStage(string stage)
        {
            var options = StageParallelism.Options();
            Stages[stage] = (Thread.CurrentThread.Name, options.TaskScheduler!, options.MaxDegreeOfParallelism);
        }
    }
}
