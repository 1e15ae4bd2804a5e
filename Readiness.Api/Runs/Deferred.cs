namespace Readiness.Api.Runs;

/// <summary>
/// A value loaded once, on first use or by <see cref="PublishedRun.Complete"/>. Unlike <see cref="Lazy{T}"/>
/// a failed load is not kept: a database that was briefly unreachable costs one answer, not the run's life.
/// </summary>
internal sealed class Deferred<T>(Func<T> load) where T : class
{
    private readonly Lock gate = new();
    private T? value;

    public T Value => Volatile.Read(ref value) ?? Load();

    private T Load()
    {
        lock (gate)
        {
            if (value is null)
            {
                Volatile.Write(ref value, load());
            }

            return value;
        }
    }
}
