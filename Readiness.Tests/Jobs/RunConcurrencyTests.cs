using System.Net;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

public sealed class RunConcurrencyTests
{
    [Test]
    public async Task TwoTriggersAtOnce_StartOneRun_AndThe409NamesIt()
    {
        var faults = new ScriptedRunFaults();
        // The first run is held in its snapshot, so the second trigger surely finds it running.
        faults.Hold("snapshot");
        using var factory = new ReadinessFactory();
        await using var app = factory.WithFaults(faults);
        using var client = app.CreateClient();
        var admin = factory.CreateKey(Role.Admin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.SendAsync(Request(HttpMethod.Post, "/api/v1/runs", admin))));
        var accepted = responses.Where(r => r.StatusCode == HttpStatusCode.Accepted).ToList();
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();

        Assert.That((accepted.Count, refused.Count), Is.EqualTo((1, 1)), string.Join(", ", responses.Select(r => r.StatusCode)));
        var running = (await accepted[0].ReadJsonAsync(HttpStatusCode.Accepted)).Get<long>("id");
        var problem = await refused[0].ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.That(problem.Get<long>("runningRunId"), Is.EqualTo(running));
        Assert.That(problem.Get<string>("detail"), Does.StartWith($"Berechnungslauf {running} läuft seit"));

        faults.Release();
        var finished = await client.WaitForRunAsync(factory.Database(), running);
        Assert.That(finished.Get<string>("status"), Is.EqualTo("unchanged"));
        Assert.That(await client.StartRunAsync(admin), Is.GreaterThan(running), "the slot is free again once the run has finished");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
