using Microsoft.Extensions.Configuration;
using Readiness.Api.Infrastructure;

namespace Readiness.Tests.Api.Hardening;

public sealed class ThreadPoolSetupTests
{
    [Test]
    public void Apply_RaisesTheMinimumOfWorkerThreads_SoRequestsNeedNotWaitForARunsStages()
    {
        ThreadPoolSetup.Apply(new ConfigurationBuilder().Build());

        ThreadPool.GetMinThreads(out var worker, out _);
        Assert.That(worker, Is.GreaterThanOrEqualTo(ThreadPoolSetup.Default));
    }
}
