using System.Net;
using System.Text.Json.Nodes;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>
/// Idempotency-Key on the writes of decisions, measures and webhooks: the same key with the same body answers the first
/// answer again and writes nothing (no row, no audit entry); the same key with another body is a 422 and writes nothing.
/// </summary>
public sealed class DecisionIdempotencyTests
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string planner = null!;
    private string admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory()
            .With("Readiness:Webhooks:AllowLoopback", "true")
            .With("Readiness:RateLimit:WritesPerWindow", "100000");
        client = factory.CreateClient();
        planner = factory.CreateKey(Role.Planner, Starnberg);
        admin = factory.CreateKey(Role.Admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    /// <summary>A write and where it lands; <c>{0}</c> in the body is the part that differs between two requests.</summary>
    public sealed record Write(string Name, string Url, bool AsAdmin, string Body, string Table)
    {
        public override string ToString() => Name;
    }

    // Each test case gets its own pair, so a first decision of one test never blocks the other (a pin after a pin is 409).
    private static IEnumerable<Write> Writes(string mentee) =>
    [
        new("decision", "/api/v1/pairings/decisions", false,
            $$"""{"mentee": "{{mentee}}", "mentor": "09188132", "decision": "pinned", "date": "2026-01-15", "reason": "Nachbarn", "note": "{0}"}""",
            "pair_decisions"),
        new("measure", $"/api/v1/districts/{Starnberg}/measures", false,
            """{"title": "{0}", "fieldOfAction": "Wohnen", "addressee": {"kind": "district-office"}, "dueDate": "2026-12-31"}""", "measures"),
        new("measure from recommendation", $"/api/v1/municipalities/{mentee}/recommendations/{{indicator}}/measure", false,
            """{"title": "{0}"}""", "measures"),
        new("webhook", "/api/v1/webhooks", true, """{"url": "http://127.0.0.1:9/{0}", "events": ["measure.changed"]}""", "webhook_subscriptions"),
    ];

    private static IEnumerable<Write> SameBodyWrites() => Writes(Andechs);

    private static IEnumerable<Write> OtherBodyWrites() => Writes(Feldafing);

    [TestCaseSource(nameof(SameBodyWrites))]
    public async Task SameKeySameBody_AnswersTheFirstAnswer_AndWritesOnce(Write write)
    {
        var key = Guid.NewGuid().ToString();
        var before = (factory.Count(write.Table), factory.Count("audit_log"));

        using var first = await Post(write, "eins", key);
        var firstBody = await first.Content.ReadAsStringAsync();
        using var second = await Post(write, "eins", key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), firstBody);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That((factory.Count(write.Table), factory.Count("audit_log")), Is.EqualTo((before.Item1 + 1, before.Item2 + 1)), "one row, one audit entry");
        var replayed = await second.Content.ReadAsStringAsync();
        if (write.Name == "webhook")
        {
            // The secret is shown once: the replay is the same subscription without it.
            Assert.That(firstBody, Does.Contain("whsec_"));
            Assert.That(replayed, Does.Not.Contain("whsec_"));
            Assert.That(replayed, Does.Contain($"\"id\":{JsonNode.Parse(firstBody)!.Get<long>("id")}"));
        }
        else
        {
            Assert.That(JsonNode.DeepEquals(JsonNode.Parse(replayed), JsonNode.Parse(firstBody)), Is.True, $"{replayed}\n{firstBody}");
        }
    }

    [TestCaseSource(nameof(OtherBodyWrites))]
    public async Task SameKeyOtherBody_Is422_AndWritesNothing(Write write)
    {
        var key = Guid.NewGuid().ToString();
        using (var first = await Post(write, "eins", key))
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        }

        var before = (factory.Count(write.Table), factory.Count("audit_log"));
        using var second = await Post(write, "zwei", key);

        var problem = await second.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(problem.Get<string>("title"), Does.Contain("anderen Anfrage"), "in German by default");
        Assert.That((factory.Count(write.Table), factory.Count("audit_log")), Is.EqualTo(before));
    }

    private async Task<HttpResponseMessage> Post(Write write, string variant, string idempotencyKey)
    {
        var url = write.Url.Contains("{indicator}", StringComparison.Ordinal) ? write.Url.Replace("{indicator}", await FirstRecommendation(write.Url), StringComparison.Ordinal) : write.Url;
        var request = Request(HttpMethod.Post, url, write.AsAdmin ? admin : planner, Json(write.Body.Replace("{0}", variant, StringComparison.Ordinal)));
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    /// <summary>The structure the municipality of <paramref name="url"/> is first recommended, as the current run says.</summary>
    private async Task<string> FirstRecommendation(string url)
    {
        var ags = url.Split('/')[4];
        var readiness = await (await client.GetAsync($"/api/v1/municipalities/{ags}/readiness")).ReadJsonAsync(HttpStatusCode.OK);
        return readiness["recommendations"]!.AsArray()[0]!.Get<string>("structure");
    }
}
