using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Runs;
using Readiness.Data;
using Readiness.Data.Runs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

/// <summary>Starting runs, waiting for them and looking at what they left, for the run tests.</summary>
internal static class RunTestSupport
{
    /// <summary>Every table a run writes its results to.</summary>
    public static readonly string[] ResultTables =
    [
        "run_scores", "run_peer_groups", "run_peer_group_members", "run_peer_group_diagnostics",
        "run_pairings", "run_pairing_mentees", "run_shared_groups", "run_shared_group_members",
    ];

    /// <summary>Settings that make a full run take seconds instead of half a minute (one state clustered, one k, one start), and differ from the seeded run's, so the first run on them is never <c>unchanged</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> FastRunSettings = new Dictionary<string, string>
    {
        ["Readiness:PeerGroups:State"] = "09",
        ["Readiness:PeerGroups:FixedK"] = "6",
        ["Readiness:PeerGroups:Initialisations"] = "1",
        ["Readiness:SharedServices:Restarts"] = "2",
        ["Readiness:RateLimit:Enabled"] = "false",
    };

    public static ReadinessFactory WithFastRuns(this ReadinessFactory factory)
    {
        foreach (var (key, value) in FastRunSettings)
        {
            factory.With(key, value);
        }

        return factory;
    }

    /// <summary>The factory with <paramref name="faults"/> in place of the service's (none).</summary>
    public static WebApplicationFactory<Program> WithFaults(this ReadinessFactory factory, IRunFaults faults) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(faults)));

    /// <summary>POST /api/v1/runs as an admin; asserts 202 with Location and returns the run id.</summary>
    public static async Task<long> StartRunAsync(this HttpClient client, string adminKey)
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/runs", adminKey));
        var body = await response.ReadJsonAsync(HttpStatusCode.Accepted);
        var id = body.Get<long>("id");
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/runs/{id}"));
        Assert.That(body.Get<string>("status"), Is.EqualTo("running"));
        return id;
    }

    /// <summary>Waits until the run is no longer running and returns it as GET /api/v1/runs/{id} shows it.</summary>
    public static async Task<JsonNode> WaitForRunAsync(this HttpClient client, Database database, long id, TimeSpan? timeout = null)
    {
        var store = new RunStore(database, TimeProvider.System);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (store.Get(id) is { Status: RunRecord.Running })
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Run {id} still running after {timeout ?? TimeSpan.FromMinutes(3)}");
            }

            await Task.Delay(100);
        }

        var run = await (await client.GetAsync($"/api/v1/runs/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        if (run.Get<string>("status") == "succeeded")
        {
            await client.WaitUntilServedAsync(id);
        }

        return run;
    }

    /// <summary>
    /// Waits until the result endpoints serve the run: the API holds the published run in memory and
    /// swaps it in just after the publish transaction commits (or, for a run a worker published, at
    /// its next look at the store), so for a moment the store is ahead of the answers.
    /// </summary>
    public static async Task WaitUntilServedAsync(this HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync("/api/v1/readiness?pageSize=1");
            if (response.Headers.TryGetValues("X-Run-Id", out var served) && served.Single() == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"run {id} is published but not served after 30 s");
            await Task.Delay(100);
        }
    }

    /// <summary>Rows the run has in each result table, only the tables where it has any.</summary>
    public static Dictionary<string, long> ResultRows(this Database database, long runId)
    {
        using var connection = database.Open();
        return ResultTables
            .Select(table => (table, rows: connection.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE run_id = @runId", new { runId })))
            .Where(t => t.rows > 0)
            .ToDictionary(t => t.table, t => t.rows);
    }

    public static long CurrentRunId(this Database database) => new RunStore(database, TimeProvider.System).CurrentId()!.Value;

    public static IEnumerable<string> StageNames(this JsonNode run) => run["stages"]!.AsArray().Select(s => s!["name"]!.GetValue<string>());
}

/// <summary>Faults a test sets per run: fail at a stage, or hold a stage until released.</summary>
internal sealed class ScriptedRunFaults : IRunFaults
{
    private readonly ManualResetEventSlim released = new(initialState: true);

    public string? FailAt { get; set; }

    public string? HoldAt { get; private set; }

    /// <summary>Stages started, in order, across runs.</summary>
    public List<string> Started { get; } = [];

    public void BeforeStage(string stage)
    {
        lock (Started)
        {
            Started.Add(stage);
        }

        if (stage == HoldAt)
        {
            released.Wait(TimeSpan.FromMinutes(2));
        }

        if (stage == FailAt)
        {
            throw new InvalidOperationException($"Injected fault in {stage}");
        }
    }

    public void Hold(string stage)
    {
        HoldAt = stage;
        released.Reset();
    }

    public void Release()
    {
        HoldAt = null;
        released.Set();
    }
}
