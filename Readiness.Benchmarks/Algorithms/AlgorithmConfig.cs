using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace Readiness.Benchmarks.Algorithms;

/// <summary>
/// In process (no generated project to build on a shared machine), one warm-up and five measured
/// iterations: the large sizes take seconds per operation, and the medians of five are what the
/// docs quote. Allocations per operation from the memory diagnoser.
/// </summary>
public sealed class AlgorithmConfig : ManualConfig
{
    public AlgorithmConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("in-process"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        AddLogger(ConsoleLogger.Default);
        AddExporter(MarkdownExporter.GitHub);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }

    /// <summary>Sizes to run; the <c>algorithms</c> command sets them from <c>--size</c>.</summary>
    public static IReadOnlyList<string> Sizes { get; set; } = ["district", "bavaria", "germany", "europe"];
}
