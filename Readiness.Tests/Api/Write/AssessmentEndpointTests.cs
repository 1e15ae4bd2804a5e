using Readiness.Data;
using System.Globalization;
using System.Net;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

[TestFixtureSource(typeof(Providers), nameof(Providers.Both))]
public sealed class AssessmentEndpointTests(DatabaseProvider provider)
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string planner = null!;
    private string admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory(provider: provider);
        client = factory.CreateClient();
        planner = factory.CreateKey(Role.Planner, Starnberg);
        admin = factory.CreateKey(Role.Admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client?.Dispose();
        factory?.Dispose();
    }

    [Test]
    public async Task Post_Returns201WithLocation_AndTheStoredAssessment()
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Feldafing}/assessments", planner, Json(ValidBody("2025-05-01"))));

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.That(body.Get<string>("ags"), Is.EqualTo(Feldafing));
        Assert.That(body.Get<string>("source"), Is.EqualTo("surveyed"));
        Assert.That(body.Get<string>("referenceDate"), Is.EqualTo("2025-05-01"));
        Assert.That(body.Get<bool>("contactPerson"), Is.True);
        Assert.That(body.Get<double>("paidStaffFte"), Is.EqualTo(0.5));
        Assert.That(body["network"], Is.Null, "not answered stays null");
        Assert.That(body.Get<string>("recordedBy"), Does.StartWith("test Planner"));

        var location = response.Headers.Location!.ToString();
        Assert.That(location, Is.EqualTo($"/api/v1/municipalities/{Feldafing}/assessments/{body.Get<long>("id")}"));
        var again = await (await client.GetAsync(location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(again.ToJsonString(), Is.EqualTo(body.ToJsonString()));
    }

    [Test]
    public async Task Get_ListsHistoryNewestFirst_AndKeepsEveryAssessment()
    {
        const string Ags = "09188120";
        foreach (var date in new[] { "2023-01-01", "2025-01-01", "2024-01-01" })
        {
            using var post = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Ags}/assessments", planner, Json(ValidBody(date))));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var page = await (await client.GetAsync($"/api/v1/municipalities/{Ags}/assessments")).ReadJsonAsync(HttpStatusCode.OK);

        // The three surveyed ones and the illustrative one the service ships with, by reference date.
        Assert.That(page.Get<int>("total"), Is.EqualTo(4));
        Assert.That(page["items"]!.AsArray().Select(i => $"{i!["referenceDate"]!.GetValue<string>()} {i["source"]!.GetValue<string>()}"),
            Is.EqualTo(new[] { "2025-01-01 surveyed", "2024-12-31 illustrative", "2024-01-01 surveyed", "2023-01-01 surveyed" }));
        var first = page["items"]![0]!;
        foreach (var field in new[] { "id", "source", "recordedAt", "recordedBy", "contactPerson", "yearsOfIntegrationWork" })
        {
            Assert.That(first.AsObject().ContainsKey(field), field);
        }
    }

    [Test]
    public async Task Post_IsAudited_WithTheNewIdAndTheAnswers()
    {
        using var post = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", planner, Json(ValidBody("2025-04-01"))));
        var created = await post.ReadJsonAsync(HttpStatusCode.Created);

        var audit = await (await client.SendAsync(Request(HttpMethod.Get, $"/api/v1/audit?action=assessment.create&target={Andechs}", admin))).ReadJsonAsync(HttpStatusCode.OK);

        var entry = audit["items"]![0]!;
        Assert.That(entry.Get<string>("action"), Is.EqualTo("assessment.create"));
        Assert.That(entry.Get<string>("role"), Is.EqualTo("planner"));
        Assert.That(entry.Get<string>("keyName"), Does.StartWith("test Planner"));
        Assert.That(entry["changes"]!["assessmentId"]!.GetValue<long>(), Is.EqualTo(created.Get<long>("id")));
        Assert.That(entry["changes"]!["answers"]!["paidStaffFte"]!.GetValue<double>(), Is.EqualTo(0.5));
        Assert.That(entry["changes"]!["answers"]!.AsObject().ContainsKey("network"), Is.False, "compact: unanswered fields are left out");
    }

    [TestCase("{\"referenceDate\": \"2025-01-01\", \"paidStaffFte\": 1001}", "paidStaffFte")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"paidStaffFte\": -0.1}", "paidStaffFte")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"integrationBudgetEur\": -5}", "integrationBudgetEur")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"integrationBudgetEur\": 15.005}", "integrationBudgetEur")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"activeVolunteers\": 2.5}", "activeVolunteers")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"activeVolunteers\": -1}", "activeVolunteers")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"migrantOrganisations\": \"3\"}", "migrantOrganisations")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"contactPerson\": \"ja\"}", "contactPerson")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"network\": 1}", "network")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"yearsOfIntegrationWork\": 1e400}", "yearsOfIntegrationWork")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"paidStaffFTE_typo\": 1}", "paidStaffFTE_typo")]
    [TestCase("{\"referenceDate\": \"2025-01-01\", \"ags\": \"09188118\"}", "ags")]
    [TestCase("{\"referenceDate\": \"30.06.2025\"}", "referenceDate")]
    [TestCase("{\"referenceDate\": \"1999-12-31\"}", "referenceDate")]
    [TestCase("{\"contactPerson\": true}", "referenceDate")]
    [TestCase("[]", "body")]
    [TestCase("{\"referenceDate\": ", "body")]
    [TestCase("", "body")]
    public async Task Post_NamesTheBadField(string json, string field)
    {
        var before = factory.Written();

        using var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", planner, Json(json)));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task Post_ReportsEveryBadFieldAtOnce()
    {
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var json = $$"""{"referenceDate": "{{tomorrow}}", "paidStaffFte": "half", "unknownThing": 1, "activeVolunteers": 1.5}""";

        using var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", planner, Json(json)));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "referenceDate", "paidStaffFte", "unknownThing", "activeVolunteers" }));
        Assert.That(problem["errors"]!["referenceDate"]![0]!.GetValue<string>(), Does.Contain("Zukunft"));
    }

    [Test]
    public async Task Post_MalformedAgs_Is400_UnknownAgs_Is404()
    {
        using var malformed = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/municipalities/9188117/assessments", admin, Json(ValidBody())));
        await malformed.ReadProblemAsync(HttpStatusCode.BadRequest, "ags");

        using var unknown = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/municipalities/09188999/assessments", admin, Json(ValidBody())));
        await unknown.ReadProblemAsync(HttpStatusCode.NotFound);

        using var history = await client.GetAsync("/api/v1/municipalities/09188999/assessments");
        await history.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Post_WrongContentType_Is415Problem()
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", planner,
            new StringContent(ValidBody(), System.Text.Encoding.UTF8, "text/plain")));

        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.That(problem.Get<string>("detail"), Does.Contain("application/json"));
    }
}
