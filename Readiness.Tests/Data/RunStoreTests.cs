using Dapper;
using Microsoft.Extensions.Time.Testing;
using Readiness.Data;
using Readiness.Data.Runs;
using Readiness.Tests.Support;

namespace Readiness.Tests.Data;

[TestFixtureSource(typeof(Providers), nameof(Providers.Both))]
public sealed class RunStoreTests(DatabaseProvider provider)
{
    private TestDatabase? test;
    private Database database = null!;
    private FakeTimeProvider time = null!;
    private RunStore store = null!;

    [SetUp]
    public void CreateDatabase()
    {
        test = new TestDatabase(provider);
        database = test.Database;
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
        store = new RunStore(database, time);
    }

    [TearDown]
    public void Cleanup()
    {
        test?.Dispose();
    }

    [Test]
    public void TryStart_IsRefused_WhileAnotherRunIsRunning()
    {
        var (first, _) = store.TryStart("manual", "admin");
        var (second, conflict) = store.TryStart("schedule", null);

        Assert.That(first, Is.Not.Null);
        Assert.That(second, Is.Null);
        Assert.That(conflict!.RunningRunId, Is.EqualTo(first!.Id));
    }

    [Test]
    public void Publish_MakesTheRunCurrent_AndFreesTheSlot()
    {
        var (run, _) = store.TryStart("manual", null);
        store.Publish(run!.Id, "v1", "{}", "[]");

        Assert.That(store.CurrentId(), Is.EqualTo(run.Id));
        Assert.That(store.Get(run.Id)!.Status, Is.EqualTo(RunRecord.Succeeded));
        Assert.That(store.TryStart("manual", null).Run, Is.Not.Null);
    }

    [Test]
    public void Fail_KeepsThePreviousRunCurrent_AndRemovesTheFailedRunsRows()
    {
        var (good, _) = store.TryStart("manual", null);
        store.Publish(good!.Id, "v1", "{}", "[]");
        var (bad, _) = store.TryStart("manual", null);
        using (var connection = database.Open())
        {
            connection.Execute(
                "INSERT INTO run_scores (run_id, profile, ags, tier, coverage, data_quality, detail) VALUES (@id, 'default', '09162000', 'starting', 1, 'illustrative', '{}')",
                new { id = bad!.Id });
        }

        store.Fail(bad.Id, "boom", null);

        using var check = database.Open();
        Assert.That(check.ExecuteScalar<int>("SELECT count(*) FROM run_scores WHERE run_id = @id", new { id = bad.Id }), Is.Zero);
        Assert.That(store.CurrentId(), Is.EqualTo(good.Id));
        Assert.That(store.Get(bad.Id)!.Error, Is.EqualTo("boom"));
        Assert.That(store.Get(bad.Id)!.Status, Is.EqualTo(RunRecord.Failed));
    }

    [Test]
    public void FailInterrupted_FailsARunWhoseProcessEnded_AndOneWithoutHeartbeat()
    {
        using (var connection = database.Open())
        {
            // A process id that cannot exist on this host.
            connection.Execute(
                "INSERT INTO runs (status, trigger, started_at, heartbeat_at, owner) VALUES ('running', 'schedule', @now, @now, @owner)",
                new { now = time.GetUtcNow(), owner = $"{Environment.MachineName}:{int.MaxValue}" });
        }

        var interrupted = store.FailInterrupted(TimeSpan.FromMinutes(5));
        Assert.That(interrupted, Has.Count.EqualTo(1));
        Assert.That(store.Get(interrupted[0])!.Error, Does.Contain("ended"));

        var (live, _) = store.TryStart("manual", null);
        Assert.That(store.FailInterrupted(TimeSpan.FromMinutes(5)), Is.Empty, "this process is alive and its heartbeat fresh");
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.That(store.FailInterrupted(TimeSpan.FromMinutes(5)), Is.EqualTo(new[] { live!.Id }));
    }

    [Test]
    public void DeleteOldRuns_KeepsTheNewestAndTheCurrent()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var (run, _) = store.TryStart("schedule", null);
            ids.Add(run!.Id);
            if (i == 0)
            {
                store.Publish(run.Id, "v", "{}", "[]");
            }
            else
            {
                store.Fail(run.Id, "x", null);
            }
        }

        var deleted = store.DeleteOldRuns(keep: 2);

        Assert.That(deleted, Is.EqualTo(2));
        Assert.That(store.List(1, 50).Items.Select(r => r.Id), Is.EquivalentTo(new[] { ids[0], ids[3], ids[4] }));
    }
}
