using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Data.Runs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

/// <summary>
/// A failure anywhere in a run leaves the previous run served and nothing of the failed one
/// visible, and records the failed run with its error and the stages it got through.
/// </summary>
public sealed class RunFaultTests
{
    private static readonly string[] AllStages =
        ["snapshot", "peer-groups", "scores", "robustness", "pairing", "shared-services", "prepare", "write", "publish"];

    private readonly ScriptedRunFaults faults = new();
    private ReadinessFactory factory = null!;
    private WebApplicationFactory<Program> app = null!;
    private HttpClient client = null!;
    private Database database = null!;
    private string admin = null!;
    private long previous;

    [OneTimeSetUp]
    public void Start()
    {
        // The fast settings differ from the seeded run's, so every run computes instead of ending unchanged.
        factory = new ReadinessFactory().WithFastRuns();
        app = factory.WithFaults(faults);
        client = app.CreateClient();
        database = factory.Database();
        admin = factory.CreateKey(Role.Admin);
        previous = database.CurrentRunId();
    }

    [TearDown]
    public void ClearFaults() => faults.FailAt = null;

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        app.Dispose();
        factory.Dispose();
    }

    [TestCaseSource(nameof(AllStages))]
    public async Task Failure_InAnyStage_LeavesThePreviousRunServed_AndRecordsTheFailedRun(string stage)
    {
        faults.FailAt = stage;

        var failed = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));

        Assert.That(failed.Get<string>("status"), Is.EqualTo("failed"), failed.ToJsonString());
        Assert.That(failed.Get<string>("error"), Is.EqualTo($"Stage {stage} failed: InvalidOperationException: Injected fault in {stage}"));
        Assert.That(failed.StageNames(), Is.EqualTo(AllStages.TakeWhile(s => s != stage).Append(stage)),
            "the stages it finished, and the one that failed, last");
        Assert.That(failed["finishedAt"], Is.Not.Null);
        if (stage != "snapshot")
        {
            Assert.That(failed.Get<string>("inputVersion"), Does.Match("^[0-9a-f]{64}$"), "what it computed from is kept");
            Assert.That(failed["parameters"]?["profiles"], Is.Not.Null);
        }

        await AssertPreviousRunServedAsync(failed.Get<long>("id"));
    }

    /// <summary>A failure inside the publish transaction, after the pointer moved or while the run's status is written, rolls all of it back.</summary>
    [TestCase("BEFORE UPDATE ON current_run", "the pointer")]
    [TestCase("BEFORE UPDATE OF status ON runs WHEN NEW.status = 'succeeded'", "the status, after the pointer moved")]
    public async Task Failure_InsideThePublishTransaction_RollsItBack(string trigger, string refused)
    {
        using (var connection = database.Open())
        {
            connection.Execute("DROP TRIGGER IF EXISTS refuse_publish");
            connection.Execute($"CREATE TRIGGER refuse_publish {trigger} BEGIN SELECT RAISE(ABORT, 'publish refused by test'); END");
        }

        JsonNode failed;
        try
        {
            failed = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        }
        finally
        {
            using var connection = database.Open();
            connection.Execute("DROP TRIGGER IF EXISTS refuse_publish");
        }

        Assert.That(failed.Get<string>("status"), Is.EqualTo("failed"), refused);
        Assert.That(failed.Get<string>("error"), Does.StartWith("Stage publish failed: SqliteException").And.Contain("publish refused by test"));
        Assert.That(failed["publishedAt"], Is.Null);
        await AssertPreviousRunServedAsync(failed.Get<long>("id"));
    }

    private async Task AssertPreviousRunServedAsync(long failedId)
    {
        Assert.That(database.ResultRows(failedId), Is.Empty, "no result rows of the failed run are left");
        using (var connection = database.Open())
        {
            Assert.That(connection.ExecuteScalar<long>("SELECT run_id FROM current_run"), Is.EqualTo(previous));
        }

        var current = await (await client.GetAsync("/api/v1/runs/current")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(current.Get<long>("id"), Is.EqualTo(previous));

        using var readiness = await client.GetAsync($"/api/v1/municipalities/{Andechs}/readiness");
        Assert.That((await readiness.ReadJsonAsync(HttpStatusCode.OK)).Get<long>("runId"), Is.EqualTo(previous));
        Assert.That(readiness.Headers.ETag!.Tag, Is.EqualTo($"\"run-{previous}\""));
        var list = await (await client.GetAsync("/api/v1/readiness?pageSize=5")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(list.Get<long>("runId"), Is.EqualTo(previous));
        foreach (var url in new[] { "/api/v1/peer-groups", "/api/v1/pairings?pageSize=1", "/api/v1/shared-services?pageSize=1", $"/api/v1/municipalities/{Andechs}/pairing" })
        {
            using var result = await client.GetAsync(url);
            Assert.That(result.Headers.ETag!.Tag, Is.EqualTo($"\"run-{previous}\""), url);
        }

        var pairing = await (await client.GetAsync($"/api/v1/municipalities/{Andechs}/pairing")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(pairing.Get<long>("runId"), Is.EqualTo(previous));
        await (await client.GetAsync($"/api/v1/pairings?run={failedId}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/municipalities/{Andechs}/readiness?run={failedId}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/readiness?run={failedId}")).ReadProblemAsync(HttpStatusCode.NotFound);

        var run = new RunStore(database, TimeProvider.System).Get(failedId)!;
        Assert.That(run.Status, Is.EqualTo(RunRecord.Failed));
        Assert.That(run.Error, Is.Not.Empty);
    }
}
