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
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", planner, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.That(factory.Count("pair_decisions"), Is.Zero);
    }

    [Test]
    public async Task Decide_InAnotherDistrict_Is403_AndNothingIsWritten()
    {
        var body = """{"mentee": "09475128", "mentor": "09475112", "decision": "pinned", "date": "2026-01-15", "reason": "Nachbarn"}""";
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", planner, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(factory.Count("pair_decisions"), Is.Zero);
        using var connection = factory.Database().Open();
        Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action = 'pairing.decide'"), Is.Zero);
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
}
