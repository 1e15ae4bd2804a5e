using Readiness.Api.Runs;

namespace Readiness.Tests.Api.Runs;

/// <summary>The parts of a published run read after it is served: once, and again after a failed read.</summary>
public sealed class DeferredTests
{
    [Test]
    public void AFailedLoad_IsNotKept_TheNextUseLoadsAgain()
    {
        var calls = 0;
        var deferred = new Deferred<string>(() => ++calls == 1 ? throw new InvalidOperationException("database unreachable") : "pairs");

        Assert.Throws<InvalidOperationException>(() => _ = deferred.Value);
        Assert.That(deferred.Value, Is.EqualTo("pairs"));
        Assert.That(deferred.Value, Is.EqualTo("pairs"));
        Assert.That(calls, Is.EqualTo(2), "loaded once after the failure, then kept");
    }

    [Test]
    public void ManyAskingAtOnce_LoadItOnce()
    {
        var calls = 0;
        var deferred = new Deferred<object>(() =>
        {
            Interlocked.Increment(ref calls);
            Thread.Sleep(50);
            return new object();
        });

        var values = new object[8];
        Parallel.For(0, values.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => values[i] = deferred.Value);

        Assert.That(calls, Is.EqualTo(1));
        Assert.That(values, Is.All.SameAs(values[0]));
    }
}
