namespace Readiness.Scoring.Runs;

/// <summary>Runs one named stage of a computation; the caller times it, counts its output, or makes it fail in tests.</summary>
public interface IStageRunner
{
    T Stage<T>(string name, Func<T> work, Func<T, IReadOnlyDictionary<string, long>>? counts = null);
}

/// <summary>Runs stages without bookkeeping: for benchmarks and tests of the computation alone.</summary>
public sealed class PlainStageRunner : IStageRunner
{
    public static readonly PlainStageRunner Instance = new();

    public T Stage<T>(string name, Func<T> work, Func<T, IReadOnlyDictionary<string, long>>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work();
    }
}
