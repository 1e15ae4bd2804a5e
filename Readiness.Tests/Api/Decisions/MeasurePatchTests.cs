using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>PATCH of a measure is a JSON Merge Patch (RFC 7396): null removes an optional field, absent keeps it, If-Match still guards.</summary>
public sealed class MeasurePatchTests
{
    private const string Full = $$$"""
        {"title": "Ansprechperson benennen", "fieldOfAction": "Wohnen", "addressee": {"kind": "municipality", "ags": "{{{Andechs}}}"},
         "responsibleRole": "Erste Bürgermeisterin", "dueDate": "2026-12-31", "consequence": "Bericht im Kreisausschuss",
         "links": {"recommendation": {"ags": "{{{Andechs}}}", "indicator": "contactPerson"}, "pair": {"mentee": "{{{Andechs}}}", "mentor": "09188132"},
                   "sharedServiceGroup": "g-09188-1"}}
        """;

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

    [TestCase("application/merge-patch+json")]
    [TestCase("application/json")]
    public async Task Null_RemovesAnOptionalField_AbsentKeepsIt(string contentType)
    {
        var (url, etag) = await CreateAsync();

        using var patched = await PatchAsync(url, etag, """{"consequence": null, "links": {"pair": null}, "title": "Ansprechperson benannt"}""", contentType);
        var answer = await patched.ReadJsonAsync(HttpStatusCode.OK);

        var stored = await (await client.GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
        foreach (var measure in new[] { answer, stored })
        {
            Assert.That(measure["consequence"], Is.Null, "null removes it");
            Assert.That(measure["links"]!["pair"], Is.Null, "null inside links removes only the pair");
            Assert.That(measure["links"]!["recommendation"]!.Get<string>("indicator"), Is.EqualTo("contactPerson"), "the rest of links stays");
            Assert.That(measure["links"]!.Get<string>("sharedServiceGroup"), Is.EqualTo("g-09188-1"));
            Assert.That(measure.Get<string>("responsibleRole"), Is.EqualTo("Erste Bürgermeisterin"), "absent stays");
            Assert.That(measure.Get<string>("dueDate"), Is.EqualTo("2026-12-31"));
            Assert.That(measure.Get<string>("title"), Is.EqualTo("Ansprechperson benannt"), "a value changes it");
        }
    }

    [Test]
    public async Task NullLinks_RemovesEveryLink()
    {
        var (url, etag) = await CreateAsync();
        using var patched = await PatchAsync(url, etag, """{"links": null, "responsibleRole": null}""");
        var answer = await patched.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(answer["links"]!.AsObject().Where(l => l.Value is not null), Is.Empty, answer.ToJsonString());
        Assert.That(answer["responsibleRole"], Is.Null);
    }

    [TestCase("""{"dueDate": null}""", "dueDate")]
    [TestCase("""{"title": null}""", "title")]
    [TestCase("""{"status": null}""", "status")]
    [TestCase("""{"dueDate": 5}""", "dueDate")]
    public async Task RemovingARequiredField_Is400NamingIt_InGerman_AndChangesNothing(string patch, string field)
    {
        var (url, etag) = await CreateAsync();
        using var refused = await PatchAsync(url, etag, patch);
        var problem = await refused.ReadProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.That(problem.Get<string>("title"), Does.Contain("Angaben"), problem.ToJsonString());

        using var stored = await client.GetAsync(url);
        Assert.That(stored.Headers.ETag!.ToString(), Is.EqualTo(etag), "not written");
    }

    [Test]
    public async Task Patch_WithAStaleETag_Is412()
    {
        var (url, etag) = await CreateAsync();
        using (var first = await PatchAsync(url, etag, """{"consequence": null}"""))
        {
            await first.ReadJsonAsync(HttpStatusCode.OK);
        }

        using var second = await PatchAsync(url, etag, """{"responsibleRole": null}""");
        await second.ReadProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    private async Task<(string Url, string ETag)> CreateAsync()
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/districts/{Starnberg}/measures", planner, Json(Full)));
        var created = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.That(created.Get<string>("consequence"), Is.EqualTo("Bericht im Kreisausschuss"));
        Assert.That(created["links"]!["pair"]!.Get<string>("mentor"), Is.EqualTo("09188132"));
        return (response.Headers.Location!.ToString(), response.Headers.ETag!.ToString());
    }

    private Task<HttpResponseMessage> PatchAsync(string url, string etag, string body, string contentType = "application/merge-patch+json")
    {
        var content = Json(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = Request(HttpMethod.Patch, url, planner, content);
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request);
    }
}
