using System.Net;
using System.Text.Json.Nodes;
using Readiness.Tests.Api.Results;

namespace Readiness.Tests.Api;

/// <summary>The web app's pages as the server sends them, before any script runs.</summary>
public sealed class WebAppPageTests : ResultsFixture
{
    [Test]
    public async Task Root_IsTheWebAppPage()
    {
        using var response = await Client.GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("/app/main.js"));
    }

    [Test]
    public async Task DistrictPage_ArrivesWithItsMunicipalitiesAndAMap()
    {
        var municipalities = JsonNode.Parse(await Client.GetStringAsync("/api/v1/municipalities?district=09188&pageSize=500"))!["items"]!.AsArray()
            .Select(m => m!["name"]!.GetValue<string>()).ToList();

        using var response = await Client.GetAsync("/districts/09188");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(municipalities, Has.Count.EqualTo(14));
        Assert.That(html, Does.Contain("Landkreis Starnberg"));
        foreach (var name in municipalities)
        {
            Assert.That(html, Does.Contain(System.Net.WebUtility.HtmlEncode(name)), name);
        }

        Assert.That(html, Does.Contain("<svg"), "the map is in the page itself");
    }

    [Test]
    public async Task UnknownDistrictPage_IsThePlainPage_AndApiPathsKeepTheirProblems()
    {
        var html = await Client.GetStringAsync("/districts/99999");
        Assert.That(html, Does.Contain("Wird geladen"));

        using var api = await Client.GetAsync("/api/v1/nowhere");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(api.Content.Headers.ContentType?.MediaType, Is.Not.EqualTo("text/html"));
    }
}
