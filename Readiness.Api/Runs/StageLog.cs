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

/// <summary>
/// Runs the stages of a run in order, timing each, reporting each finished one (so an interrupted
/// run shows how far it got) and giving faults a place to strike (tests).
/// </summary>
internal sealed class StageLog(IRunFaults faults, Action<string>? finished = null) : IStageRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly List<StageRecord> stages = [];
    private (string Name, Stopwatch Clock)? open;

    public IReadOnlyList<StageRecord> Stages => stages;

    /// <summary>The stage that started but has not finished: the one that failed, after an exception.</summary>
    public string? OpenStage => open?.Name;

    public T Stage<T>(string name, Func<T> work, Func<T, IReadOnlyDictionary<string, long>>? counts = null) => Run(name, work, counts);

    public T Run<T>(string name, Func<T> work, Func<T, IReadOnlyDictionary<string, long>>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        open = (name, Stopwatch.StartNew());
        faults.BeforeStage(name);
        var result = work();
        stages.Add(new StageRecord(name, Milliseconds(open.Value.Clock), counts?.Invoke(result) ?? new Dictionary<string, long>()));
        open = null;
        finished?.Invoke(ToJson());
        return result;
    }

    public void Run(string name, Action work) => Run(name, () =>
    {
        work();
        return 0;
    });

    /// <summary>The finished stages; with <paramref name="includeOpen"/>, also the open one with its time so far.</summary>
    public string ToJson(bool includeOpen = false)
    {
        List<StageRecord> all = [.. stages];
        if (includeOpen && open is { } current)
        {
            all.Add(new StageRecord(current.Name, Milliseconds(current.Clock), new Dictionary<string, long>()));
        }

        return JsonSerializer.Serialize(all, Json);
    }

    public static IReadOnlyList<StageRecord> Parse(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<StageRecord>>(json, Json) ?? [];

    private static double Milliseconds(Stopwatch clock) => Math.Round(clock.Elapsed.TotalMilliseconds, 1);
}
