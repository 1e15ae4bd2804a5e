using System.Net;
using System.Text.Json.Nodes;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Jobs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>
/// One story with a planner key for 09188: agree to a proposed pair, decline another, pin a candidate the
/// run did not choose; run B must keep the agreed and pinned pairs and leave the declined one out; run C
/// (after an unrelated assessment, so its inputs differ) must still leave it out.
/// </summary>
public sealed class PairDecisionRunTests
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private Database database = null!;
    private (string Mentee, string Mentor) agreed;
    private (string Mentee, string Mentor) declined;
    private (string Mentee, string Mentor) pinned;
    private JsonNode runB = null!;
    private JsonNode runC = null!;
    private List<(string Mentee, string Mentor)> pairsB = null!;
    private List<(string Mentee, string Mentor)> pairsC = null!;
    private JsonNode declinedCandidates = null!;

    [OneTimeSetUp]
    public async Task RunTheStory()
    {
        factory = new ReadinessFactory().WithFastRuns();
        client = factory.CreateClient();
        database = factory.Database();
        var admin = factory.CreateKey(Role.Admin);
        var planner = factory.CreateKey(Role.Planner, Starnberg);

        var proposed = await PairsAsync();
        Assert.That(proposed, Has.Count.GreaterThanOrEqualTo(3), "Starnberg needs at least three proposed pairs for this story");
        agreed = proposed[0];
        declined = proposed.First(p => p.Mentee != agreed.Mentee && p.Mentor != agreed.Mentor);
        pinned = await UnchosenCandidateAsync(proposed.Select(p => p.Mentee).Where(m => m != agreed.Mentee && m != declined.Mentee));

        await DecideAsync(planner, agreed, "agreed", reason: null);
        await DecideAsync(planner, declined, "declined", reason: "Die Bürgermeister arbeiten schon über die VG zusammen.");
        await DecideAsync(planner, pinned, "pinned", reason: null);

        runB = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        pairsB = await PairsAsync();

        using (var post = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/municipalities/09190111/assessments", admin, Json(ValidBody()))))
        {
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Created), await post.Content.ReadAsStringAsync());
        }

        runC = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        pairsC = await PairsAsync();
        declinedCandidates = await (await client.GetAsync($"/api/v1/municipalities/{declined.Mentee}/pairing-candidates")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public void Run_KeepsAgreedAndPinnedPairs()
    {
        Assert.That(runB.Get<string>("status"), Is.EqualTo("succeeded"), runB.ToJsonString());
        Assert.That(pairsB, Does.Contain(agreed));
        Assert.That(pairsB, Does.Contain(pinned));
        Assert.That(pairsB.Count(p => p.Mentee == pinned.Mentee), Is.EqualTo(1), "a fixed mentee gets no other mentor");
    }

    [Test]
    public void Run_CountsPairsFixedByDecision()
    {
        var pairing = runB["stages"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "pairing")!;
        Assert.That(pairing["counts"]!["fixedByDecision"]!.GetValue<long>(), Is.EqualTo(2), pairing.ToJsonString());
    }

    [Test]
    public void Run_LeavesTheDeclinedPairOut_AndItDoesNotComeBack()
    {
        Assert.That(pairsB, Does.Not.Contain(declined));
        Assert.That(runC.Get<string>("status"), Is.EqualTo("succeeded"), runC.ToJsonString());
        Assert.That(runC.Get<long>("id"), Is.Not.EqualTo(runB.Get<long>("id")));
        Assert.That(pairsC, Does.Not.Contain(declined));
        Assert.That(pairsC, Does.Contain(agreed).And.Contain(pinned));
    }

    [Test]
    public void Candidates_MarkTheDecisionState()
    {
        var candidate = declinedCandidates["candidates"]!.AsArray().Single(c => c!["mentor"]!["ags"]!.GetValue<string>() == declined.Mentor)!;
        Assert.That(candidate["decision"]?.GetValue<string>(), Is.EqualTo("declined"), candidate.ToJsonString());
        Assert.That(candidate["chosen"]!.GetValue<bool>(), Is.False);
    }

    private async Task<List<(string Mentee, string Mentor)>> PairsAsync()
    {
        var page = await (await client.GetAsync($"/api/v1/pairings?district={Starnberg}&pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(p => (p!["mentee"]!["ags"]!.GetValue<string>(), p["mentor"]!["ags"]!.GetValue<string>()))];
    }

    /// <summary>A candidate pair with a benefit that the run did not choose, of one of <paramref name="mentees"/>.</summary>
    private async Task<(string Mentee, string Mentor)> UnchosenCandidateAsync(IEnumerable<string> mentees)
    {
        foreach (var mentee in mentees)
        {
            var answer = await (await client.GetAsync($"/api/v1/municipalities/{mentee}/pairing-candidates")).ReadJsonAsync(HttpStatusCode.OK);
            var other = answer["candidates"]!.AsArray()
                .FirstOrDefault(c => !c!["chosen"]!.GetValue<bool>() && c["benefit"]!.GetValue<double>() > 0);
            if (other is not null)
            {
                return (mentee, other["mentor"]!["ags"]!.GetValue<string>());
            }
        }

        Assert.Fail("no mentee in Starnberg has a candidate the run did not choose");
        return default;
    }

    private async Task DecideAsync(string key, (string Mentee, string Mentor) pair, string decision, string? reason)
    {
        var body = new JsonObject
        {
            ["mentee"] = pair.Mentee,
            ["mentor"] = pair.Mentor,
            ["decision"] = decision,
            ["date"] = "2026-01-15",
            ["note"] = "Kreisausschuss",
            ["reason"] = reason,
        };
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", key, Json(body.ToJsonString())));
        var recorded = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.That(recorded.Get<string>("decision"), Is.EqualTo(decision));
    }
}
