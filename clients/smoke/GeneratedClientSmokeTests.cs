using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Readiness.Client;
using Readiness.Client.Models;

namespace Readiness.Smoke;

/// <summary>
/// A planner's first steps through the client Kiota generated from openapi/v1.json, against the live
/// service that .ci/smoke-client starts (READINESS_SMOKE_URL) with a planner key for Landkreis
/// Starnberg (READINESS_SMOKE_KEY).
/// </summary>
public sealed class GeneratedClientSmokeTests
{
    private const string Starnberg = "09188";
    private const string Andechs = "09188117";

    private readonly List<HttpClient> http = [];
    private string baseUrl = "";
    private string plannerKey = "";

    [OneTimeSetUp]
    public void ReadEnvironment()
    {
        baseUrl = Environment.GetEnvironmentVariable("READINESS_SMOKE_URL") ?? "";
        plannerKey = Environment.GetEnvironmentVariable("READINESS_SMOKE_KEY") ?? "";
        if (baseUrl.Length == 0 || plannerKey.Length == 0)
        {
            Assert.Fail("READINESS_SMOKE_URL and READINESS_SMOKE_KEY are not set: run .ci/smoke-client, which starts the service and creates the key.");
        }
    }

    [OneTimeTearDown]
    public void DisposeClients() => http.ForEach(client => client.Dispose());

    [Test]
    public async Task ListMunicipalities_OfADistrict_HasAllItsMunicipalities()
    {
        var page = await Client().Api.V1.Municipalities.GetAsync(request =>
        {
            request.QueryParameters.District = Starnberg;
            request.QueryParameters.PageSize = 100;
        });

        Assert.That(page, Is.Not.Null);
        Assert.That(page!.Total, Is.EqualTo(14), "Landkreis Starnberg has 14 municipalities");
        Assert.That(page.Items, Has.Count.EqualTo(14));
        Assert.That(page.Items!.Select(m => m.DistrictKey), Is.All.EqualTo(Starnberg));
        Assert.That(page.Items!.Select(m => m.Name), Does.Contain("Andechs").And.Contain("Starnberg"));
    }

    [Test]
    public async Task GetReadiness_OfAMunicipality_HasScoreTierPillarsAndRun()
    {
        var readiness = await Client().Api.V1.Municipalities[Andechs].Readiness.GetAsync();

        Assert.That(readiness, Is.Not.Null);
        Assert.That(readiness!.Ags, Is.EqualTo(Andechs));
        Assert.That(readiness.Tier, Is.Not.Null);
        Assert.That(readiness.Pillars!.Select(p => p.Key), Is.EquivalentTo(new[] { "structures", "resources", "experience" }));
        Assert.That(readiness.Indicators, Is.Not.Empty);
        Assert.That(readiness.RunId, Is.GreaterThan(0));
        Assert.That(readiness.DataQuality, Is.EqualTo(DataQualityDto.Illustrative));
        if (readiness.Score is { } score)
        {
            Assert.That(score, Is.InRange(0, 100));
        }
    }

    [Test]
    public async Task ListPairings_OfADistrict_NameMenteeMentorAndWhy()
    {
        var page = await Client().Api.V1.Pairings.GetAsync(request => request.QueryParameters.District = Starnberg);

        Assert.That(page?.Items, Is.Not.Empty, "Starnberg has mentor pairs in the illustrative data");
        foreach (var pair in page!.Items!)
        {
            Assert.That(pair.Mentee!.DistrictKey, Is.EqualTo(Starnberg));
            Assert.That(pair.Mentee.Tier, Is.EqualTo(TierDto.Starting).Or.EqualTo(TierDto.Developing));
            Assert.That(pair.Mentor!.Tier, Is.EqualTo(TierDto.Established).Or.EqualTo(TierDto.Experienced));
            Assert.That(pair.Benefit, Is.GreaterThan(0));
            Assert.That(pair.Topics, Is.Not.Empty);
        }
    }

    [Test]
    public async Task AddAssessment_WithAPlannerKey_IsStoredAsSurveyed()
    {
        var body = new AssessmentRequest
        {
            ReferenceDate = new Date(2025, 6, 30),
            ContactPerson = true,
            PaidStaffFte = 0.5,
            Network = true,
            ActiveVolunteers = 24,
            Note = "smoke test of the generated client",
        };

        var created = await Client(plannerKey).Api.V1.Municipalities[Andechs].Assessments.PostAsync(body);

        Assert.That(created, Is.Not.Null);
        Assert.That(created!.Ags, Is.EqualTo(Andechs));
        Assert.That(created.Source, Is.EqualTo(AssessmentSourceDto.Surveyed));
        Assert.That(created.PaidStaffFte, Is.EqualTo(0.5));
        var history = await Client().Api.V1.Municipalities[Andechs].Assessments.GetAsync();
        Assert.That(history!.Items!.Select(a => a.Id), Does.Contain(created.Id));
    }

    [Test]
    public void AddAssessment_WithoutAKey_IsAProblem401()
    {
        var body = new AssessmentRequest { ReferenceDate = new Date(2025, 6, 30), ContactPerson = true };

        var problem = Assert.ThrowsAsync<ProblemDetails>(() => Client().Api.V1.Municipalities[Andechs].Assessments.PostAsync(body));

        Assert.That(problem!.ResponseStatusCode, Is.EqualTo(401));
        Assert.That(problem.Status, Is.EqualTo(401));
    }

    [Test]
    public void GetMunicipality_Unknown_IsAProblem404()
    {
        var problem = Assert.ThrowsAsync<ProblemDetails>(() => Client().Api.V1.Municipalities["09999999"].GetAsync());

        Assert.That(problem!.ResponseStatusCode, Is.EqualTo(404));
        Assert.That(problem.Title, Is.Not.Empty);
    }

    private ReadinessClient Client(string? key = null)
    {
        var client = new HttpClient();
        http.Add(client);
        IAuthenticationProvider authentication = key is null ? new AnonymousAuthenticationProvider() : new ApiKeyHeader(key);
        return new ReadinessClient(new HttpClientRequestAdapter(authentication, httpClient: client) { BaseUrl = baseUrl });
    }
}
