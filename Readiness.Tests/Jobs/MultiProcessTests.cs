using System.Diagnostics;
using System.Net;
using Readiness.Data;
using Readiness.Data.Runs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

/// <summary>
/// Issue 19's deployment as real processes on one PostgreSQL database: two API instances without a job
/// server (A and B, each on its own loopback port and data folder) and one worker, with the <c>keys</c>
/// command run as an operator runs it. One story, told once in <see cref="TellTheStory"/>; each test checks
/// one thing it showed. A worker held mid-run is killed (<c>kill -9</c>); a second worker then computes the
/// next run. Nothing but the database connects the processes.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[NonParallelizable]
public sealed class MultiProcessTests(DatabaseProvider provider)
{
    /// <summary>Short, so the killed worker's run is found interrupted quickly; long enough for a live run's heartbeats (a third of it).</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(9);

    /// <summary>The stage the first worker stalls before: its snapshot is read and recorded, the computation not begun.</summary>
    private const string HeldBefore = "peer-groups";

    /// <summary>Issue 19: every API instance serves a newly published run within 2 s of the publish.</summary>
    private static readonly TimeSpan ServedWithin = TimeSpan.FromSeconds(2);

    private readonly List<ServiceProcess> processes = [];
    private readonly List<string> folders = [];
    private string connectionString = null!;
    private Database database = null!;
    private ServiceProcess apiA = null!;
    private ServiceProcess apiB = null!;
    private long previous;
    private string adminKey = null!;

    private readonly Dictionary<string, HttpStatusCode> keyWithNewKey = [];
    private readonly Dictionary<string, HttpStatusCode> keyWithoutKey = [];
    private HttpStatusCode secondStartWhileHeld;
    private long? secondStartNames;
    private HttpStatusCode secondStartWhileComputing;
    private long killedRun;
    private string killedRunStatusBeforeKill = null!;
    private TimeSpan failedAfterKill;
    private RunRecord killedRecord = null!;
    private readonly Dictionary<string, (long Current, long Served)> servedAfterKill = [];
    private long computedRun;
    private RunRecord computedRecord = null!;
    private readonly Dictionary<string, DateTimeOffset> firstServed = [];
    private readonly Dictionary<string, string> readinessOfComputed = [];
    private readonly Dictionary<string, HttpStatusCode> revokedKeyAnswers = [];

    [OneTimeSetUp]
    public async Task TellTheStory()
    {
        Assert.That(provider, Is.EqualTo(DatabaseProvider.Postgres), "several processes share a database on PostgreSQL only");
        var story = Stopwatch.StartNew();
        connectionString = TestPostgres.NewDatabase(ReadinessFactory.Seed.Published);
        database = Database.Postgres(connectionString);
        previous = database.CurrentRunId();

        // A first, so the job storage's schema exists before the others start; then B and the held worker together.
        apiA = await StartApiAsync();
        var startB = StartApiAsync();
        // Held before its first computing stage, so the kill comes mid-run without waiting for a whole computation.
        var held = StartWorker($"--Readiness:Jobs:Faults:PauseBefore={HeldBefore}", "--Readiness:Jobs:Faults:PauseFor=00:05:00");
        apiB = await startB;

        // (a) A key created by the keys command while both instances run.
        adminKey = await KeysAsync("create", "--role", "admin", "--name", "Multi-process admin");
        foreach (var (name, api) in Apis())
        {
            keyWithNewKey[name] = await AuditStatusAsync(api, adminKey);
            keyWithoutKey[name] = await AuditStatusAsync(api, null);
        }

        // (c, d) A run started through A, held by the worker mid-run; a second start through B; the worker killed.
        killedRun = await apiA.Client.StartRunAsync(adminKey);
        (secondStartWhileHeld, secondStartNames) = await StartThroughAsync(apiB);
        await WaitUntilHeldAsync(killedRun, held);
        killedRunStatusBeforeKill = new RunStore(database, TimeProvider.System).Get(killedRun)!.Status;
        var clock = Stopwatch.StartNew();
        held.Kill();
        killedRecord = await WaitUntilNotRunningAsync(killedRun, StaleAfter + TimeSpan.FromSeconds(30));
        failedAfterKill = clock.Elapsed;
        foreach (var (name, api) in Apis())
        {
            var current = await (await api.Client.GetAsync("/api/v1/runs/current")).ReadJsonAsync(HttpStatusCode.OK);
            servedAfterKill[name] = (current.Get<long>("id"), await ServedRunAsync(api));
        }

        // (b) A new worker; a run started through A, computed by it, served by both.
        StartWorker();
        computedRun = await apiA.Client.StartRunAsync(adminKey);
        (secondStartWhileComputing, _) = await StartThroughAsync(apiB);
        var watchA = FirstServedAsync(apiA, computedRun);
        var watchB = FirstServedAsync(apiB, computedRun);
        firstServed["A"] = await watchA;
        firstServed["B"] = await watchB;
        computedRecord = new RunStore(database, TimeProvider.System).Get(computedRun)!;
        foreach (var (name, api) in Apis())
        {
            readinessOfComputed[name] = await (await api.Client.GetAsync($"/api/v1/municipalities/{Andechs}/readiness")).Content.ReadAsStringAsync();
        }

        // (e) The key revoked by the keys command: the next request on each instance.
        await KeysAsync("revoke", "Multi-process admin");
        foreach (var (name, api) in Apis())
        {
            revokedKeyAnswers[name] = await AuditStatusAsync(api, adminKey);
        }

        TestContext.Progress.WriteLine($"MultiProcessTests: the story took {story.Elapsed.TotalSeconds:0.0} s");
    }

    [OneTimeTearDown]
    public void StopEverything()
    {
        foreach (var process in processes)
        {
            try
            {
                process.Dispose();
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                TestContext.Out.WriteLine($"could not end process: {exception.Message}");
            }
        }

        if (connectionString is not null)
        {
            TestPostgres.Drop(connectionString);
        }

        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Removed with the temp folder later.
            }
        }
    }

    [Test]
    public void KeyCreatedWithTheKeysCommand_WorksOnBothInstances()
    {
        Assert.That(keyWithNewKey, Is.EqualTo(new Dictionary<string, HttpStatusCode> { ["A"] = HttpStatusCode.OK, ["B"] = HttpStatusCode.OK }));
        Assert.That(keyWithoutKey, Is.EqualTo(new Dictionary<string, HttpStatusCode> { ["A"] = HttpStatusCode.Unauthorized, ["B"] = HttpStatusCode.Unauthorized }),
            "the endpoint needs a key, so the 200s above are the new key's");
    }

    [Test]
    public void SecondStartThroughB_WhileARunStartedThroughAIsRunning_Is409NamingIt()
    {
        Assert.That(killedRunStatusBeforeKill, Is.EqualTo(RunRecord.Running), "the first run was still running when B was asked");
        Assert.That(secondStartWhileHeld, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(secondStartNames, Is.EqualTo(killedRun));
        Assert.That(secondStartWhileComputing, Is.EqualTo(HttpStatusCode.Conflict), "and again while the next run computed");
    }

    [Test]
    public void WorkerKilledMidRun_LeavesTheRunFailedWithinStaleAfter_AndBothServeThePreviousRun()
    {
        Assert.That(killedRecord.Status, Is.EqualTo(RunRecord.Failed), killedRecord.Error);
        Assert.That(killedRecord.Error, Does.StartWith("Interrupted"));
        Assert.That(killedRecord.PublishedAt, Is.Null);
        Assert.That(failedAfterKill, Is.LessThanOrEqualTo(StaleAfter + TimeSpan.FromSeconds(3)),
            "marked failed by the running API instances (a sweep every quarter of StaleAfter), not at some process's next start");
        Assert.That(killedRecord.Stages, Does.Contain("\"snapshot\""), "how far it got stays on record");
        Assert.That(servedAfterKill, Is.EqualTo(new Dictionary<string, (long, long)> { ["A"] = (previous, previous), ["B"] = (previous, previous) }));
    }

    [Test]
    public void RunStartedThroughA_IsComputedByTheWorker_AndServedByBothWithin2sOfItsPublish()
    {
        Assert.That(computedRecord.Status, Is.EqualTo(RunRecord.Succeeded), computedRecord.Error);
        Assert.That(computedRecord.Owner, Does.Not.EndWith($":{apiA.Id}").And.Not.EndWith($":{apiB.Id}"), "computed by the worker, not an API instance");
        Assert.That(computedRecord.PublishedAt, Is.Not.Null);
        foreach (var (name, seen) in firstServed)
        {
            var lag = seen - computedRecord.PublishedAt!.Value;
            TestContext.Out.WriteLine($"{name} served run {computedRun} {lag.TotalMilliseconds:0} ms after its publish; "
                + string.Join("; ", Apis().Single(a => a.Name == name).Api.Output.Split('\n').Where(l => l.Contains("Serving run", StringComparison.Ordinal))));
            Assert.That(lag, Is.LessThanOrEqualTo(ServedWithin), $"instance {name}");
        }

        Assert.That(readinessOfComputed["A"], Does.Contain($"\"runId\":{computedRun}"));
        Assert.That(readinessOfComputed["B"], Is.EqualTo(readinessOfComputed["A"]), "both serve the same answer");
    }

    [Test]
    public void KeyRevokedWithTheKeysCommand_IsRefusedByBoth_FromTheNextRequest()
    {
        Assert.That(revokedKeyAnswers, Is.EqualTo(new Dictionary<string, HttpStatusCode> { ["A"] = HttpStatusCode.Unauthorized, ["B"] = HttpStatusCode.Unauthorized }));
    }

    private IEnumerable<(string Name, ServiceProcess Api)> Apis() => [("A", apiA), ("B", apiB)];

    /// <summary>What every process is started with: the shared database, a data folder of its own, short polls and fast runs.</summary>
    private List<string> Settings()
    {
        var folder = SeededDatabase.NewDirectory();
        folders.Add(folder);
        return
        [
            "--Readiness:Database:Provider=postgres",
            $"--ConnectionStrings:Readiness={connectionString}",
            $"--Readiness:DataDirectory={folder}",
            "--Readiness:Jobs:PollInterval=00:00:00.200",
            "--Readiness:Jobs:RunOnFirstStart=false",
            $"--Readiness:Jobs:StaleAfter={StaleAfter:c}",
            .. RunTestSupport.FastRunSettings.Select(s => $"--{s.Key}={s.Value}"),
        ];
    }

    private async Task<ServiceProcess> StartApiAsync()
    {
        var api = await ServiceProcess.StartAsync([.. Settings(), "--Readiness:Jobs:RunServer=false"]);
        lock (processes)
        {
            processes.Add(api);
        }

        return api;
    }

    private ServiceProcess StartWorker(params string[] extra)
    {
        var worker = ServiceProcess.StartWorker([.. Settings(), .. extra]);
        lock (processes)
        {
            processes.Add(worker);
        }

        return worker;
    }

    /// <summary>The keys command as a process of its own; for <c>create</c>, the key it printed.</summary>
    private async Task<string> KeysAsync(params string[] arguments)
    {
        var (code, output) = await ServiceProcess.RunCommandAsync(["keys", .. arguments, .. Settings()]);
        Assert.That(code, Is.Zero, output);
        return output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("rdy_", StringComparison.Ordinal)) ?? "";
    }

    private static async Task<HttpStatusCode> AuditStatusAsync(ServiceProcess api, string? key)
    {
        using var response = await api.Client.SendAsync(Request(HttpMethod.Get, "/api/v1/audit?pageSize=1", key));
        return response.StatusCode;
    }

    private async Task<(HttpStatusCode Status, long? RunningRunId)> StartThroughAsync(ServiceProcess api)
    {
        using var response = await api.Client.SendAsync(Request(HttpMethod.Post, "/api/v1/runs", adminKey));
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            return (response.StatusCode, null);
        }

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        return (response.StatusCode, problem.Get<long>("runningRunId"));
    }

    private static async Task<long> ServedRunAsync(ServiceProcess api) =>
        (await (await api.Client.GetAsync($"/api/v1/municipalities/{Andechs}/readiness")).ReadJsonAsync(HttpStatusCode.OK)).Get<long>("runId");

    /// <summary>When the instance first answered with the run (the moment its answer arrived), polling every 50 ms.</summary>
    private static async Task<DateTimeOffset> FirstServedAsync(ServiceProcess api, long id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var expected = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            using (var response = await api.Client.GetAsync("/api/v1/readiness?pageSize=1"))
            {
                if (response.Headers.TryGetValues("X-Run-Id", out var served) && served.Single() == expected)
                {
                    return DateTimeOffset.UtcNow;
                }
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"run {id} not served within 3 minutes:\n{api.Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until the worker has taken the run and stalls: the snapshot, the stage before the stall, is recorded.</summary>
    private async Task WaitUntilHeldAsync(long id, ServiceProcess worker)
    {
        var store = new RunStore(database, TimeProvider.System);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (store.Get(id)?.Stages?.Contains("\"snapshot\"", StringComparison.Ordinal) != true)
        {
            Assert.That(DateTime.UtcNow < deadline && !worker.HasExited, $"run {id} did not reach the stage {HeldBefore}:\n{worker.Output}");
            await Task.Delay(100);
        }
    }

    private async Task<RunRecord> WaitUntilNotRunningAsync(long id, TimeSpan timeout)
    {
        var store = new RunStore(database, TimeProvider.System);
        var deadline = DateTime.UtcNow + timeout;
        while (store.Get(id) is { Status: RunRecord.Running })
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"run {id} still running {timeout} after its worker was killed:\n{apiA.Output}");
            await Task.Delay(100);
        }

        return store.Get(id)!;
    }
}
