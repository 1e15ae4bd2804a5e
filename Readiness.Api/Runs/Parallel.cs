using Readiness.Scoring.Runs;

namespace Readiness.Api.Runs;

/// <summary>Maps every item on all cores; the result is in the items' order, whichever thread made it.</summary>
internal static class InParallel
{
    public static List<TResult> Map<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult> map)
    {
        var results = new TResult[items.Count];
        Parallel.For(0, items.Count, StageParallelism.Options(), i => results[i] = map(items[i]));
        return [.. results];
    }
}
