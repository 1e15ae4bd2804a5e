using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Readiness.Scoring.Runs;

namespace Readiness.Api.Runs;

/// <summary>One stage of a run: how long it took and what it produced.</summary>
/// <param name="Name">Stage name, e.g. scores, peer-groups.</param>
/// <param name="DurationMs">Wall-clock duration in milliseconds.</param>
/// <param name="Counts">What the stage produced, e.g. municipalities scored.</param>
public sealed record StageRecord(string Name, double DurationMs, IReadOnlyDictionary<string, long> Counts);

/// <summary>Runs the stages of a run in order, timing each and giving faults a place to strike (tests).</summary>
internal sealed class StageLog(IRunFaults faults) : IStageRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly List<StageRecord> stages = [];

    public IReadOnlyList<StageRecord> Stages => stages;

    public T Stage<T>(string name, Func<T> work, Func<T, IReadOnlyDictionary<string, long>>? counts = null) => Run(name, work, counts);

    public T Run<T>(string name, Func<T> work, Func<T, IReadOnlyDictionary<string, long>>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        faults.BeforeStage(name);
        var stopwatch = Stopwatch.StartNew();
        var result = work();
        stages.Add(new StageRecord(name, Math.Round(stopwatch.Elapsed.TotalMilliseconds, 1), counts?.Invoke(result) ?? new Dictionary<string, long>()));
        return result;
    }

    public void Run(string name, Action work) => Run(name, () =>
    {
        work();
        return 0;
    });

    public string ToJson() => JsonSerializer.Serialize(stages, Json);

    public static IReadOnlyList<StageRecord> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<StageRecord>>(json, Json) ?? [];
}

/// <summary>A place for tests to make a stage fail; the service's own implementation does nothing.</summary>
public interface IRunFaults
{
    void BeforeStage(string stage);
}

internal sealed class NoRunFaults : IRunFaults
{
    public void BeforeStage(string stage)
    {
    }
}
