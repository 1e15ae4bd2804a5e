using System.Net;
using Dapper;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>Refused decisions: bad fields (400 naming them), outside the key's districts (403), nothing written either way.</summary>
public sealed class PairDecisionInputTests
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string planner = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory();
        client = factory.CreateClient();
        planner = factory.CreateKey(Role.Planner, Starnberg);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [TestCase("""{"mentee": "123", "mentor": "09188139", "decision": "agreed", "date": "2026-01-15"}""", "mentee")]
    [TestCase("""{"mentee": "09188117", "mentor": "09188117", "decision": "agreed", "date": "2026-01-15"}""", "mentor")]
    [TestCase("""{"mentee": "09188117", "mentor": "09188139", "decision": "maybe", "date": "2026-01-15"}""", "decision")]
    [TestCase("""{"mentee": "09188117", "mentor": "09188139", "decision": "agreed", "date": "15.01.2026"}""", "date")]
    [TestCase("""{"mentee": "09188117", "mentor": "09188139", "decision": "agreed", "date": "2999-01-01"}""", "date")]
    [TestCase("""{"mentee": "09188117", "mentor": "09188139", "decision": "declined", "date": "2026-01-15"}""", "reason")]
    [TestCase("""{"mentee": "09188117", "mentor": "09188139", "decision": "agreed", "date": "2026-01-15", "outcome": "worked"}""", "outcome")]
    [TestCase("""{"mentee": "09188117", "mentor": "09188139", "decision": "ended", "date": "2026-01-15", "outcome": "great"}""", "outcome")]
    public async Task Decide_WithBadInput_Is400NamingTheField(string body, string field)
    {
        var before = factory.Count("pair_decisions");
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", planner, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.That(factory.Count("pair_decisions"), Is.EqualTo(before));
    }

    [Test]
    public async Task Decide_InAnotherDistrict_Is403_AndNothingIsWritten()
    {
        var body = """{"mentee": "09475128", "mentor": "09475112", "decision": "pinned", "date": "2026-01-15", "reason": "Nachbarn"}""";
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", planner, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        using var connection = factory.Database().Open();
        Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM pair_decisions WHERE district_key = '09475'"), Is.Zero);
        Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action = 'pairing.decide' AND target LIKE '09475%'"), Is.Zero);
    }

    [Test]
    public async Task Decide_WithoutKey_Is401()
    {
        var body = """{"mentee": "09188117", "mentor": "09188139", "decision": "pinned", "date": "2026-01-15", "reason": "x"}""";
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", null, Json(body)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Agree_ToAPairTheRunDoesNotPropose_Is409()
    {
        // 09188117 and 09188118 are a mentee and a place that is no proposed mentor of it.
        var body = """{"mentee": "09188117", "mentor": "09188118", "decision": "agreed", "date": "2026-01-15"}""";
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", planner, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Test]
    public async Task PinnedPair_RunsItsCourse_AndItsOutcomeIsSummarisedByTopic()
    {
        const string mentee = "09188113", mentor = "09188141";
        await DecideAsync($$"""{"mentee": "{{mentee}}", "mentor": "{{mentor}}", "decision": "pinned", "date": "2026-01-10", "reason": "Partnerschaft der Bürgermeister"}""", HttpStatusCode.Created);
        await DecideAsync($$"""{"mentee": "{{mentee}}", "mentor": "{{mentor}}", "decision": "active", "date": "2026-02-01"}""", HttpStatusCode.Created);
        await DecideAsync($$"""{"mentee": "{{mentee}}", "mentor": "{{mentor}}", "decision": "active", "date": "2026-02-02"}""", HttpStatusCode.Conflict);
        await DecideAsync($$"""{"mentee": "{{mentee}}", "mentor": "{{mentor}}", "decision": "ended", "date": "2026-10-01", "outcome": "worked", "topicsTransferred": ["contactPerson", "network"]}""", HttpStatusCode.Created);

        var history = await (await client.GetAsync($"/api/v1/pairings/decisions/{mentee}/{mentor}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(history.AsArray().Select(d => d!["decision"]!.GetValue<string>()), Is.EqualTo(new[] { "pinned", "active", "ended" }));
        Assert.That(history.AsArray().Last()!["effect"]!.GetValue<string>(), Is.EqualTo("none"), "an ended pair frees both");

        var outcomes = await (await client.GetAsync($"/api/v1/pairings/outcomes?district={Starnberg}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(outcomes.Get<int>("pairs"), Is.EqualTo(1));
        Assert.That(outcomes.Get<int>("worked"), Is.EqualTo(1));
        var topics = outcomes["byTopic"]!.AsArray().ToDictionary(t => t!["topic"]!.GetValue<string>(), t => t!["worked"]!.GetValue<int>());
        Assert.That(topics, Is.EquivalentTo(new Dictionary<string, int> { ["contactPerson"] = 1, ["network"] = 1 }));

        using var connection = factory.Database().Open();
        Assert.That(connection.ExecuteScalar<long>($"SELECT count(*) FROM audit_log WHERE action = 'pairing.decide' AND target = '{mentee}/{mentor}'"), Is.EqualTo(3));
    }

    private async Task DecideAsync(string body, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", planner, Json(body)));
        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }
}
