using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;
using Readiness.Data.Runs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

/// <summary>
/// The service killed in the middle of a run, with the run's results already written but not yet
/// published, then started again: the previous run is served throughout, the interrupted run is
/// marked failed and its rows are removed.
/// </summary>
// Mostly waiting on processes, runs or retry delays of its own: runs beside the other fixtures marked so (the suite's longest).
[Parallelizable]
public sealed class ProcessKillTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDataFolder() => directory = SeededDatabase.NewDirectory();

    [TearDown]
    public void RemoveDataFolder()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp folder later.
        }
    }

    [Test]
    public async Task KilledMidRun_TheRestartedServiceServesThePreviousRun_AndMarksTheInterruptedOneFailed()
    {
        var database = Database.ForFile(SeededDatabase.CopyPublishedInto(directory));
        var admin = new ApiKeyStore(database).Create("process test", Role.Admin, [], AuditActor.CommandLine()).Secret;
        var previous = database.CurrentRunId();
        string[] settings =
        [
            $"--Readiness:DataDirectory={directory}",
            "--Readiness:Jobs:Storage=sqlite",
            "--Readiness:Jobs:PollInterval=00:00:00.200",
            .. RunTestSupport.FastRunSettings.Select(s => $"--{s.Key}={s.Value}"),
        ];

        long id;
        using (var service = await ServiceProcess.StartAsync([.. settings, "--Readiness:Jobs:Faults:PauseBefore=publish", "--Readiness:Jobs:Faults:PauseFor=00:05:00"]))
        {
            id = await service.Client.StartRunAsync(admin);
            await WaitUntilWrittenAsync(database, id, service);

            // Written but not published: nothing of it is visible.
            var running = await (await service.Client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.That(running.Get<string>("status"), Is.EqualTo("running"));
            Assert.That(running.StageNames().Last(), Is.EqualTo("write"), "the stages finished so far are recorded as the run goes");
            Assert.That(await ServedRunAsync(service.Client), Is.EqualTo(previous));

            service.Kill();
        }

        Assert.That(new RunStore(database, TimeProvider.System).Get(id)!.Status, Is.EqualTo(RunRecord.Running), "the killed process left the run running");
        Assert.That(database.ResultRows(id), Is.Not.Empty, "and its unpublished rows on disk");

        using (var restarted = await ServiceProcess.StartAsync(settings))
        {
            var interrupted = await (await restarted.Client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.That(interrupted.Get<string>("status"), Is.EqualTo("failed"), restarted.Output);
            Assert.That(interrupted.Get<string>("error"), Does.StartWith("Interrupted: the process running it ended"));
            Assert.That(interrupted.StageNames().Last(), Is.EqualTo("write"), "how far it got stays on record");
            Assert.That(interrupted["publishedAt"], Is.Null);

            var current = await (await restarted.Client.GetAsync("/api/v1/runs/current")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.That(current.Get<long>("id"), Is.EqualTo(previous));
            Assert.That(await ServedRunAsync(restarted.Client), Is.EqualTo(previous));
            Assert.That(database.ResultRows(id), Is.Empty, "the interrupted run's rows are removed");
            Assert.That(await restarted.Client.StartRunAsync(admin), Is.GreaterThan(id), "and a new run can start");
        }
    }

    private static async Task<long> ServedRunAsync(HttpClient client) =>
        (await (await client.GetAsync($"/api/v1/municipalities/{Andechs}/readiness")).ReadJsonAsync(HttpStatusCode.OK)).Get<long>("runId");

    /// <summary>Waits until the run's write stage has committed: its rows are on disk and it stalls before publishing.</summary>
    private static async Task WaitUntilWrittenAsync(Database database, long id, ServiceProcess service)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using (var connection = database.Open())
            {
                var stages = connection.ExecuteScalar<string?>("SELECT stages FROM runs WHERE id = @id", new { id });
                if (stages?.Contains("\"write\"", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }

            Assert.That(DateTime.UtcNow < deadline && !service.HasExited, $"run {id} did not reach the publish stage:\n{service.Output}");
            await Task.Delay(200);
        }
    }
}
