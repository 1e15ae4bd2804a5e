using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Runs;
using Readiness.Data;
using Readiness.Data.Runs;
using Readiness.Tests.Api.Write;
using Readiness.Tests.Support;

namespace Readiness.Tests.Jobs;

/// <summary>The job body on its own: the executor over a real SQLite copy without a published run, no Hangfire involved.</summary>
public sealed class RunExecutorTests
{
    private ReadinessFactory factory = null!;
    private Database database = null!;
    private RunStore runs = null!;
    private RunExecutor executor = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory(ReadinessFactory.Seed.BaseData).WithFastRuns();
        database = factory.Database();
        runs = factory.Services.GetRequiredService<RunStore>();
        executor = factory.Services.GetRequiredService<RunExecutor>();
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [Test]
    public void Execute_PublishesAFirstRunWithItsProvenance_ThenEndsUnchangedOnTheSameInputs()
    {
        Assert.That(runs.CurrentId(), Is.Null, "the copy starts without a run");
        var (first, _) = runs.TryStart("manual", "test");

        executor.Execute(first!.Id, CancellationToken.None);

        var published = runs.Get(first.Id)!;
        Assert.That(published.Status, Is.EqualTo(RunRecord.Succeeded), published.Error);
        Assert.That(runs.CurrentId(), Is.EqualTo(first.Id));
        Assert.That(published.Trigger, Is.EqualTo("manual"));
        Assert.That(published.FinishedAt, Is.GreaterThanOrEqualTo(published.StartedAt));
        Assert.That(published.PublishedAt, Is.Not.Null);
        Assert.That(published.InputVersion, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(published.Owner, Is.EqualTo(RunOwners.ThisProcess), "the executing process claims the run");

        var stages = StageLog.Parse(published.Stages);
        Assert.That(stages.Select(s => s.Name), Is.EqualTo(new[]
        {
            "snapshot", "peer-groups", "scores", "robustness", "pairing", "shared-services", "prepare", "write", "publish",
        }), "every stage, the publish stage included, is stored with the published run");
        Assert.That(stages, Is.Not.Empty.And.All.Matches<StageRecord>(s => s.DurationMs >= 0));
        Assert.That(stages.Single(s => s.Name == "snapshot").Counts["municipalities"], Is.EqualTo(10_752));
        Assert.That(stages.Single(s => s.Name == "scores").Counts["scored"], Is.GreaterThan(10_000));
        Assert.That(stages.Single(s => s.Name == "pairing").Counts["pairs"], Is.GreaterThan(0));

        using var parameters = JsonDocument.Parse(published.Parameters!);
        Assert.That(parameters.RootElement.GetProperty("profiles")[0].GetProperty("name").GetString(), Is.EqualTo("default"));
        Assert.That(parameters.RootElement.GetProperty("stages").GetProperty("peerGroups").GetProperty("fixedK").GetInt32(), Is.EqualTo(6),
            "the options the run used are kept with it");

        var rows = database.ResultRows(first.Id);
        Assert.That(rows["run_scores"], Is.EqualTo(10_752));
        Assert.That(rows.Keys, Does.Contain("run_pairings").And.Contain("run_peer_groups").And.Contain("run_shared_groups"));

        var (second, _) = runs.TryStart("schedule", null);
        executor.Execute(second!.Id, CancellationToken.None);

        var unchanged = runs.Get(second.Id)!;
        Assert.That(unchanged.Status, Is.EqualTo(RunRecord.Unchanged));
        Assert.That(unchanged.InputVersion, Is.EqualTo(published.InputVersion));
        Assert.That(unchanged.PublishedAt, Is.Null);
        Assert.That(runs.CurrentId(), Is.EqualTo(first.Id), "an unchanged run publishes nothing new");
        Assert.That(database.ResultRows(second.Id), Is.Empty);
    }

    [Test]
    public void Execute_DoesNothing_WhenTheRunIsNoLongerRunning()
    {
        var (run, _) = runs.TryStart("manual", null);
        runs.Fail(run!.Id, "failed before it was picked up", null);

        executor.Execute(run.Id, CancellationToken.None);

        Assert.That(runs.Get(run.Id)!.Status, Is.EqualTo(RunRecord.Failed));
        Assert.That(runs.Get(run.Id)!.Error, Is.EqualTo("failed before it was picked up"));
    }
}
