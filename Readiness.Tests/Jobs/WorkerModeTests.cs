using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Infrastructure;
using Readiness.Api.Jobs;
using Readiness.Api.Runs;
using Readiness.Data.ApiKeys;
using Readiness.Data.Runs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

/// <summary>Worker mode: the API queues runs into the shared SQLite job storage, a worker host executes them, the API serves what it published.</summary>
// Mostly waiting on processes, runs or retry delays of its own: runs beside the other fixtures marked so (the suite's longest).
[Parallelizable]
public sealed class WorkerModeTests
{
    [Test]
    public void Arguments_SpellTheWorkerSwitchAsTheSetting_SoItTakesNoValue()
    {
        var arguments = WorkerHost.Arguments(["--worker", "--Readiness:DataDirectory=/srv/readiness"]);

        Assert.That(arguments, Is.EqualTo(new[] { "--Readiness:Jobs:Mode=worker", "--Readiness:DataDirectory=/srv/readiness" }));
    }

    [Test]
    public async Task RunsQueuedByTheApi_AreExecutedByTheWorker_AndServedByTheApi()
    {
        using var factory = new ReadinessFactory().WithFastRuns()
            .With("Readiness:Jobs:Storage", "sqlite")
            .With("Readiness:Jobs:PollInterval", "00:00:00.200")
            .With("Readiness:Jobs:RunServer", "false");
        using var client = factory.CreateClient();
        var admin = factory.CreateKey(Role.Admin);
        var store = new RunStore(factory.Database(), TimeProvider.System);

        var id = await client.StartRunAsync(admin);
        // The signal that nothing will happen: the job sits in the shared queue, and no server is there to take it.
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.That(monitoring.EnqueuedCount("default"), Is.EqualTo(1), "the API queued the run");
        Assert.That(monitoring.Servers(), Is.Empty, "the API has no job server");
        Assert.That(store.Get(id), Has.Property(nameof(RunRecord.Status)).EqualTo(RunRecord.Running).And.Property(nameof(RunRecord.Stages)).Null,
            "the run waits in the queue");

        using var worker = WorkerHost.Build(
        [
            $"--Readiness:DataDirectory={factory.DataDirectory}",
            "--Readiness:Jobs:PollInterval=00:00:00.200",
            "--Readiness:Jobs:RunOnFirstStart=false",
            .. RunTestSupport.FastRunSettings.Select(s => $"--{s.Key}={s.Value}"),
        ]);
        worker.Services.InitializeDatabase();
        worker.Services.StartRuns();
        await worker.StartAsync();
        try
        {
            // Waits until the API serves it too: its watcher notices the run the worker published.
            var run = await client.WaitForRunAsync(factory.Database(), id);

            Assert.That(run.Get<string>("status"), Is.EqualTo("succeeded"), run.ToJsonString());
            var readiness = await (await client.GetAsync($"/api/v1/municipalities/{Andechs}/readiness")).ReadJsonAsync(System.Net.HttpStatusCode.OK);
            Assert.That(readiness.Get<long>("runId"), Is.EqualTo(id));
        }
        finally
        {
            await worker.StopAsync();
        }
    }
}
