using System.Net;
using System.Text.Json.Nodes;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>
/// Refusals of decisions, measures and webhooks speak German by default and English with Accept-Language: en, naming the
/// field. Loopback is not allowed here (the setting is off), so a loopback receiver is refused like a private address.
/// </summary>
public sealed class DecisionProblemLanguageTests
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string planner = null!;
    private string admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory();
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

    [TestCase("/api/v1/pairings/decisions", false, """{"mentee": "09188117", "mentor": "09188132", "decision": "agreed", "date": "12.03.2026"}""", "date", "Datum")]
    [TestCase("/api/v1/pairings/decisions", false, """{"mentee": "09188117", "mentor": "09188132", "decision": "declined", "date": "2026-03-12"}""", "reason", "Begründung")]
    [TestCase("/api/v1/districts/09188/measures", false, """{"title": "x", "fieldOfAction": "Raumfahrt", "addressee": {"kind": "district-office"}, "dueDate": "2026-12-31"}""", "fieldOfAction", "Handlungsfelder")]
    [TestCase("/api/v1/districts/09188/measures", false, """{"title": "x", "fieldOfAction": "Wohnen", "addressee": {"kind": "district-office"}, "dueDate": "bald"}""", "dueDate", "Frist")]
    [TestCase("/api/v1/webhooks", true, """{"url": "https://10.0.0.1/hook", "events": ["run.published"]}""", "url", "öffentliche Adresse")]
    public async Task BadInput_IsAProblemNamingTheField_InGerman_AndInEnglishOnRequest(string url, bool asAdmin, string body, string field, string germanWords)
    {
        var german = await ProblemAsync(url, asAdmin ? admin : planner, body, null, HttpStatusCode.BadRequest, field);
        var english = await ProblemAsync(url, asAdmin ? admin : planner, body, "en", HttpStatusCode.BadRequest, field);

        Assert.That(Message(german, field), Does.Contain(germanWords));
        Assert.That(german.Get<string>("title"), Does.Contain("Angaben"));
        Assert.That(Message(english, field), Is.Not.EqualTo(Message(german, field)).And.Not.Contain(germanWords));
        Assert.That(english.Get<string>("title"), Is.Not.EqualTo(german.Get<string>("title")));
    }

    [Test]
    public async Task OutsideTheKeysDistricts_Is403_InGerman()
    {
        var body = """{"mentee": "09475128", "mentor": "09475112", "decision": "pinned", "date": "2026-01-15", "reason": "Nachbarn"}""";
        var problem = await ProblemAsync("/api/v1/pairings/decisions", planner, body, null, HttpStatusCode.Forbidden, null);
        Assert.That(problem.Get<string>("title"), Does.Contain("Landkreise"));
        Assert.That(problem.Get<string>("detail"), Does.Contain("09475"));
    }

    [Test]
    public async Task Webhook_ToLoopback_WithoutTheSetting_Is400NamingUrl()
    {
        await ProblemAsync("/api/v1/webhooks", admin, """{"url": "http://127.0.0.1:8080/hook", "events": ["run.published"]}""", null, HttpStatusCode.BadRequest, "url");
        Assert.That(factory.Count("webhook_subscriptions"), Is.Zero);
    }

    private static string Message(JsonNode problem, string field) => problem["errors"]![field]!.AsArray()[0]!.GetValue<string>();

    private async Task<JsonNode> ProblemAsync(string url, string key, string body, string? language, HttpStatusCode status, string? field)
    {
        using var request = Request(HttpMethod.Post, url, key, Json(body));
        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }

        using var response = await client.SendAsync(request);
        return await response.ReadProblemAsync(status, field);
    }
}
