using System.Net;
using System.Text.Json.Nodes;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Jobs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>
/// A planner for 09188 turns a recommendation of Andechs into a measure; it shows in the district's progress; moved
/// to a due date in the past (under If-Match) it is overdue, and the next run lists it in its changes.
/// </summary>
public sealed class MeasureTests
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private Database database = null!;
    private string planner = null!;
    private string admin = null!;
    private string indicator = null!;
    private JsonNode created = null!;
    private string createdETag = null!;
    private JsonNode progressBefore = null!;
    private JsonNode progressOverdue = null!;
    private JsonNode run = null!;
    private JsonNode changes = null!;
    private JsonNode beforeSurvey = null!;
    private JsonNode afterSurvey = null!;

    private static string MeasuresOf(string district) => $"/api/v1/districts/{district}/measures";

    [OneTimeSetUp]
    public async Task RunTheStory()
    {
        factory = new ReadinessFactory().WithFastRuns();
        client = factory.CreateClient();
        database = factory.Database();
        admin = factory.CreateKey(Role.Admin);
        planner = factory.CreateKey(Role.Planner, Starnberg);

        var readiness = await (await client.GetAsync($"/api/v1/municipalities/{Andechs}/readiness")).ReadJsonAsync(HttpStatusCode.OK);
        indicator = readiness["recommendations"]!.AsArray()[0]!["structure"]!.GetValue<string>();

        using (var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/recommendations/{indicator}/measure", planner)))
        {
            created = await response.ReadJsonAsync(HttpStatusCode.Created);
            createdETag = response.Headers.ETag!.ToString();
        }

        progressBefore = await ProgressAsync();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using (var patch = await PatchAsync(createdETag, $$"""{"dueDate": "{{yesterday}}", "consequence": "Bericht im Kreisausschuss"}"""))
        {
            await patch.ReadJsonAsync(HttpStatusCode.OK);
        }

        progressOverdue = await ProgressAsync();
        run = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        changes = await (await client.GetAsync($"/api/v1/runs/{run.Get<long>("id")}/changes")).ReadJsonAsync(HttpStatusCode.OK);

        // A surveyed assessment dated today that shows every structure: evidence for whatever the measure aimed at.
        var measure = $"{MeasuresOf(Starnberg)}/{created.Get<long>("id")}";
        beforeSurvey = await (await client.GetAsync(measure)).ReadJsonAsync(HttpStatusCode.OK);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var survey = $$"""
            {"referenceDate": "{{today}}", "contactPerson": true, "paidStaffFte": 1, "network": true, "volunteerCoordination": true,
             "migrantCouncil": true, "integrationConcept": true, "councilResolution": true, "intermunicipalExchange": true}
            """;
        using (var post = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", planner, Json(survey))))
        {
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Created), await post.Content.ReadAsStringAsync());
        }

        afterSurvey = await (await client.GetAsync(measure)).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Test]
    public void Evidence_AppearsWhenALaterSurveyShowsTheStructure()
    {
        Assert.That(beforeSurvey["evidence"], Is.Null, beforeSurvey.ToJsonString());
        Assert.That(afterSurvey["evidence"]!.Get<string>("structure"), Is.EqualTo(indicator));
        Assert.That(afterSurvey["evidence"]!.Get<string>("presentSince"), Is.EqualTo(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(afterSurvey.Get<string>("status"), Is.EqualTo("planned"), "the planner still closes it");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public void FromRecommendation_IsPrefilledAndLinked()
    {
        Assert.That(created["addressee"]!.Get<string>("ags"), Is.EqualTo(Andechs));
        Assert.That(created["addressee"]!.Get<string>("kind"), Is.EqualTo("municipality"));
        Assert.That(created["links"]!["recommendation"]!.Get<string>("indicator"), Is.EqualTo(indicator));
        Assert.That(created.Get<string>("status"), Is.EqualTo("planned"));
        Assert.That(created.Get<string>("districtKey"), Is.EqualTo(Starnberg));
    }

    [Test]
    public void Progress_ShowsTheMeasure_ThenItAsOverdueWithConsequence()
    {
        var field = created.Get<string>("fieldOfAction");
        var row = progressBefore["byFieldOfAction"]!.AsArray().Single(f => f!["fieldOfAction"]!.GetValue<string>() == field)!;
        Assert.That(row.Get<int>("planned"), Is.EqualTo(1));
        Assert.That(progressBefore["overdue"]!.AsArray(), Is.Empty);

        var overdue = progressOverdue["overdue"]!.AsArray().Single()!;
        Assert.That(overdue.Get<long>("id"), Is.EqualTo(created.Get<long>("id")));
        Assert.That(overdue.Get<string>("addresseeAgs"), Is.EqualTo(Andechs));
        Assert.That(overdue.Get<string>("consequence"), Is.EqualTo("Bericht im Kreisausschuss"));
    }

    [Test]
    public void Run_ListsTheMeasureThatBecameOverdue()
    {
        Assert.That(run.Get<string>("status"), Is.EqualTo("succeeded"), run.ToJsonString());
        var listed = changes["measuresOverdue"]!.AsArray().Select(m => m!.Get<long>("id"));
        Assert.That(listed, Is.EqualTo(new[] { created.Get<long>("id") }), changes.ToJsonString());
    }

    [Test]
    public async Task Patch_WithAStaleETag_Is412_AndWithoutOne428()
    {
        using (var stale = await PatchAsync(createdETag, """{"status": "done"}"""))
        {
            await stale.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        using var missing = await PatchAsync(null, """{"status": "done"}""");
        await missing.ReadProblemAsync(HttpStatusCode.PreconditionRequired);
        var stored = await (await client.GetAsync($"{MeasuresOf(Starnberg)}/{created.Get<long>("id")}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(stored.Get<string>("status"), Is.EqualTo("planned"), "neither refused change was written");
    }

    [TestCase("""{"fieldOfAction": "Zusammenarbeit mit den Gemeinden", "addressee": {"kind": "district-office"}, "dueDate": "2026-12-31"}""", "title")]
    [TestCase("""{"title": "x", "fieldOfAction": "Raumfahrt", "addressee": {"kind": "district-office"}, "dueDate": "2026-12-31"}""", "fieldOfAction")]
    [TestCase("""{"title": "x", "fieldOfAction": "Wohnen", "addressee": {"kind": "district-office"}, "dueDate": "31.12.2026"}""", "dueDate")]
    [TestCase("""{"title": "x", "fieldOfAction": "Wohnen", "addressee": {"kind": "municipality", "ags": "09475112"}, "dueDate": "2026-12-31"}""", "addressee.ags")]
    [TestCase("""{"title": "x", "fieldOfAction": "Wohnen", "addressee": {"kind": "district-office"}, "dueDate": "2026-12-31", "status": "maybe"}""", "status")]
    public async Task Create_WithBadInput_Is400NamingTheField(string body, string field)
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, MeasuresOf(Starnberg), planner, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Test]
    public async Task Create_OutsideThePlannersDistrict_Is403()
    {
        var body = """{"title": "x", "fieldOfAction": "Wohnen", "addressee": {"kind": "district-office"}, "dueDate": "2026-12-31"}""";
        using var response = await client.SendAsync(Request(HttpMethod.Post, MeasuresOf("09475"), planner, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    private async Task<JsonNode> ProgressAsync() =>
        await (await client.GetAsync($"/api/v1/districts/{Starnberg}/progress")).ReadJsonAsync(HttpStatusCode.OK);

    private Task<HttpResponseMessage> PatchAsync(string? ifMatch, string body)
    {
        var request = Request(HttpMethod.Patch, $"{MeasuresOf(Starnberg)}/{created.Get<long>("id")}", planner, Json(body));
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
