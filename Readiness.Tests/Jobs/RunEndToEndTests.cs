using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Dapper;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

/// <summary>
/// Runs through the API and Hangfire (in-memory storage), in one story: run A publishes (its
/// settings differ from the seeded run's), run B on the same inputs is unchanged, a planner adds
/// a surveyed assessment, run C publishes. The tests check what each step left.
/// </summary>
[TestFixtureSource(typeof(Providers), nameof(Providers.Both))]
public sealed class RunEndToEndTests(DatabaseProvider provider)
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private Database database = null!;
    private long seeded;
    private JsonNode runA = null!;
    private JsonNode runB = null!;
    private JsonNode runC = null!;
    private string[] completedGroup = null!;
    private long currentAfterA;
    private long currentAfterB;
    private string etagA = null!;
    private (HttpStatusCode AfterA, HttpStatusCode AfterB) conditionalWithA;

    private const string Readiness = $"/api/v1/municipalities/{Andechs}/readiness";

    [OneTimeSetUp]
    public async Task RunTheStory()
    {
        factory = new ReadinessFactory(provider: provider).WithFastRuns();
        client = factory.CreateClient();
        database = factory.Database();
        var admin = factory.CreateKey(Role.Admin);
        var planner = factory.CreateKey(Role.Planner, Starnberg);
        seeded = database.CurrentRunId();

        runA = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        currentAfterA = (await (await client.GetAsync("/api/v1/runs/current")).ReadJsonAsync(HttpStatusCode.OK)).Get<long>("id");
        using (var first = await client.GetAsync(Readiness))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            etagA = first.Headers.ETag!.ToString();
        }

        var afterA = await ConditionalAsync(etagA);
        runB = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        currentAfterB = database.CurrentRunId();
        conditionalWithA = (afterA, await ConditionalAsync(etagA));

        using (var post = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", planner, Json(ValidBody()))))
        {
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        // Every member of one group reports every structure, so its offers must go (issue 15, item 12).
        completedGroup = GroupsOf(runA.Get<long>("id")).Values.First(m => !m.Contains(Andechs));
        foreach (var ags in completedGroup)
        {
            using var post = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{ags}/assessments", admin, Json("""
                {"referenceDate": "2025-06-30", "contactPerson": true, "paidStaffFte": 1, "network": true, "volunteerCoordination": true,
                 "migrantCouncil": true, "integrationConcept": true, "councilResolution": true, "intermunicipalExchange": true}
                """)));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        runC = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client?.Dispose();
        factory?.Dispose();
    }

    [Test]
    public void Post_QueuesARunThatHangfireExecutes_AndTheCurrentRunIsIt()
    {
        Assert.That(runA.Get<string>("status"), Is.EqualTo("succeeded"), runA.ToJsonString());
        Assert.That(runA.Get<string>("trigger"), Is.EqualTo("manual"));
        Assert.That(runA.Get<string>("requestedBy"), Does.StartWith("test Admin"));
        Assert.That(runA.Get<long>("id"), Is.GreaterThan(seeded));
        Assert.That(currentAfterA, Is.EqualTo(runA.Get<long>("id")));
        Assert.That(runA.StageNames().Last(), Is.EqualTo("publish"));
    }

    [Test]
    public void Run_EndsUnchanged_AndPublishesNothing_WhenTheInputsAreTheSame()
    {
        Assert.That(runB.Get<string>("status"), Is.EqualTo("unchanged"), runB.ToJsonString());
        Assert.That(runB.Get<string>("inputVersion"), Is.EqualTo(runA.Get<string>("inputVersion")));
        Assert.That(runB["publishedAt"], Is.Null);
        Assert.That(currentAfterB, Is.EqualTo(runA.Get<long>("id")));
        Assert.That(database.ResultRows(runB.Get<long>("id")), Is.Empty);
    }

    [Test]
    public async Task Run_PublishesANewRun_WhoseReadinessIsSurveyed_AfterAPlannerAddedAnAssessment()
    {
        Assert.That(runC.Get<string>("status"), Is.EqualTo("succeeded"), runC.ToJsonString());
        Assert.That(runC.Get<string>("inputVersion"), Is.Not.EqualTo(runA.Get<string>("inputVersion")));
        var current = await (await client.GetAsync("/api/v1/runs/current")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(current.Get<long>("id"), Is.EqualTo(runC.Get<long>("id")));

        var readiness = await (await client.GetAsync(Readiness)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(readiness.Get<long>("runId"), Is.EqualTo(runC.Get<long>("id")));
        Assert.That(readiness.Get<string>("dataQuality"), Is.EqualTo("surveyed"));

        var before = await (await client.GetAsync($"{Readiness}?run={runA.Get<long>("id")}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(before.Get<string>("dataQuality"), Is.EqualTo("illustrative"));
    }

    [Test]
    public async Task Readiness_Answers304ToTheCurrentETag_And200WithANewETag_AfterANewRun()
    {
        Assert.That(conditionalWithA, Is.EqualTo((HttpStatusCode.NotModified, HttpStatusCode.NotModified)),
            "304 while run A is current, and still after the unchanged run B");

        using var request = new HttpRequestMessage(HttpMethod.Get, Readiness);
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etagA));
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.ETag!.ToString(), Is.Not.EqualTo(etagA));
        Assert.That(response.Headers.GetValues("X-Run-Id").Single(), Is.EqualTo(runC.Get<long>("id").ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(await ConditionalAsync(response.Headers.ETag.ToString()), Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task RunQuery_ReadsAnEarlierRun_AfterANewOneIsPublished_AndAnUnknownRunIs404()
    {
        var earlier = await (await client.GetAsync($"{Readiness}?run={runA.Get<long>("id")}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(earlier.Get<long>("runId"), Is.EqualTo(runA.Get<long>("id")));
        var list = await (await client.GetAsync($"/api/v1/readiness?run={seeded}&pageSize=1")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(list.Get<long>("runId"), Is.EqualTo(seeded));

        await (await client.GetAsync($"{Readiness}?run=987654")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"{Readiness}?run={runB.Get<long>("id")}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public void Pairs_KeptFromTheLastRun_CarryTheRunTheyFirstAppearedIn()
    {
        var (a, c) = (runA.Get<long>("id"), runC.Get<long>("id"));
        var pairsA = Pairs(a);
        var pairsC = Pairs(c);
        var kept = pairsC.Keys.Intersect(pairsA.Keys).ToList();

        Assert.That(kept, Is.Not.Empty);
        Assert.That(kept.Select(p => pairsC[p]), Is.EqualTo(kept.Select(p => pairsA[p])), "a kept pair keeps its since");
        Assert.That(kept.Count(p => pairsC[p] == a), Is.GreaterThan(0), "pairs that first appeared in run A say so in run C");
        // New pairs start with the run that first has them: run A against the seeded run, run C against run A.
        var pairsSeeded = Pairs(seeded);
        var fresh = pairsA.Where(p => !pairsSeeded.ContainsKey(p.Key)).Select(p => (p.Value, Expected: a))
            .Concat(pairsC.Where(p => !pairsA.ContainsKey(p.Key)).Select(p => (p.Value, Expected: c)))
            .ToList();
        Assert.That(fresh, Is.Not.Empty, "the story starts some new pairs");
        Assert.That(fresh.Select(p => p.Value), Is.EqualTo(fresh.Select(p => p.Expected)), "new pairs start with the run that first has them");
    }

    [Test]
    public async Task Changes_BetweenTwoRuns_ListExactlyThePairsStartedAndEnded_AndTheTierChanges()
    {
        var (a, c) = (runA.Get<long>("id"), runC.Get<long>("id"));
        var changes = await (await client.GetAsync($"/api/v1/runs/{c}/changes?since={a}")).ReadJsonAsync(HttpStatusCode.OK);

        // What each run stored, read straight from its tables.
        var (pairsA, pairsC) = (Pairs(a).Keys.ToHashSet(), Pairs(c).Keys.ToHashSet());
        var (tiersA, tiersC) = (Tiers(a), Tiers(c));
        var tierChanges = tiersC.Where(t => tiersA[t.Key] != t.Value).Select(t => $"{t.Key}:{tiersA[t.Key]}->{t.Value}").Order().ToList();

        Assert.That(changes.Get<long>("since"), Is.EqualTo(a));
        Assert.That(PairKeys(changes["pairsStarted"]!), Is.EquivalentTo(pairsC.Except(pairsA)));
        Assert.That(PairKeys(changes["pairsEnded"]!), Is.EquivalentTo(pairsA.Except(pairsC)));
        Assert.That(changes["tierChanges"]!.AsArray().Select(t => $"{t!.Get<string>("ags")}:{t!.Get<string>("from")}->{t!.Get<string>("to")}").Order(),
            Is.EqualTo(tierChanges));
        Assert.That(tiersA[Andechs], Is.Not.EqualTo(tiersC[Andechs]), "the surveyed assessment moved Andechs to another tier, so the list is not empty");
        Assert.That(tierChanges, Does.Contain($"{Andechs}:{tiersA[Andechs]}->{tiersC[Andechs]}"));
    }

    [Test]
    public async Task Changes_ListTheSharedServiceGroups_ThatDifferBetweenTheRuns()
    {
        var (a, c) = (runA.Get<long>("id"), runC.Get<long>("id"));
        var changes = (await (await client.GetAsync($"/api/v1/runs/{c}/changes?since={a}")).ReadJsonAsync(HttpStatusCode.OK))["sharedServiceGroups"]!.AsArray();

        var completed = changes.Single(g => g!["members"]!.AsArray().Select(m => m!.GetValue<string>()).SequenceEqual(completedGroup))!;
        Assert.That(completed.Get<string>("change"), Is.EqualTo("changed"));
        Assert.That(completed["offersRemoved"]!.AsArray(), Is.Not.Empty, "members that have everything need no shared offer");
        Assert.That(completed["offersAdded"]!.AsArray(), Is.Empty);

        // Every group whose members are not a group of the other run is listed, and no group that stayed the same.
        var (groupsA, groupsC) = (GroupsOf(a).Values.Select(m => string.Join(",", m)).ToHashSet(), GroupsOf(c).Values.Select(m => string.Join(",", m)).ToHashSet());
        var listed = changes.Select(g => (Change: g!.Get<string>("change"), Members: string.Join(",", g!["members"]!.AsArray().Select(m => m!.GetValue<string>())))).ToList();
        Assert.That(groupsC.Except(groupsA), Is.SubsetOf(listed.Where(g => g.Change != "dissolved").Select(g => g.Members)));
        Assert.That(groupsA.Except(groupsC), Is.SubsetOf(listed.Where(g => g.Change == "dissolved").Select(g => g.Members).Concat(
            changes.Where(g => g!.Get<string>("change") == "changed").Select(g => string.Join(",", g!["members"]!.AsArray().Select(m => m!.GetValue<string>())
                .Except(g["membersJoined"]!.AsArray().Select(j => j!.GetValue<string>())).Concat(g["membersLeft"]!.AsArray().Select(l => l!.GetValue<string>())).Order())))));
    }

    private Dictionary<string, string[]> GroupsOf(long runId)
    {
        using var connection = database.Open();
        return connection.Query<(string Group, string Ags)>(
                "SELECT group_id, ags FROM run_shared_group_members WHERE run_id = @runId AND group_id IS NOT NULL ORDER BY group_id, ags", new { runId })
            .GroupBy(m => m.Group).ToDictionary(g => g.Key, g => g.Select(m => m.Ags).ToArray());
    }

    private static IEnumerable<(string Mentee, string Mentor)> PairKeys(JsonNode pairs) =>
        pairs.AsArray().Select(p => (p!["mentee"]!.Get<string>("ags"), p!["mentor"]!.Get<string>("ags")));

    private Dictionary<string, string> Tiers(long runId)
    {
        using var connection = database.Open();
        return connection.Query<(string, string)>("SELECT ags, tier FROM run_scores WHERE run_id = @runId AND profile = 'default'", new { runId })
            .ToDictionary(t => t.Item1, t => t.Item2);
    }

    private Dictionary<(string Mentee, string Mentor), long> Pairs(long runId)
    {
        using var connection = database.Open();
        return connection.Query<(string, string, long)>(
                "SELECT mentee_ags, mentor_ags, since_run_id FROM run_pairings WHERE run_id = @runId", new { runId })
            .ToDictionary(p => (p.Item1, p.Item2), p => p.Item3);
    }

    private async Task<HttpStatusCode> ConditionalAsync(string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Readiness);
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
