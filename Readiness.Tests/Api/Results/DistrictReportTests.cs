using System.Net;
using System.Text.RegularExpressions;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

/// <summary>The printable district report: German HTML naming every municipality, with a map, pairs and groups, no external resources.</summary>
public sealed partial class DistrictReportTests : ResultsFixture
{
    [Test]
    public async Task Report_Starnberg_IsGermanHtml_NamingAllItsMunicipalities()
    {
        var response = await Client.GetAsync("/api/v1/districts/09188/report");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(response.Content.Headers.ContentLanguage, Is.EquivalentTo(new[] { "de" }));
        Assert.That(html, Does.StartWith("<!DOCTYPE html><html lang=\"de\">"));
        Assert.That(html, Does.Contain("Landkreis Starnberg"));
        Assert.That(html, Does.Contain("@page { size: A4"));

        var ranking = await (await Client.GetAsync("/api/v1/readiness?district=09188&pageSize=100")).ReadJsonAsync(HttpStatusCode.OK);
        var names = ranking["items"]!.AsArray().Select(i => i!.Get<string>("name")).ToList();
        Assert.That(names, Has.Count.EqualTo(14));
        foreach (var name in names)
        {
            Assert.That(html, Does.Contain(name), name);
        }

        Assert.That(Paths().Matches(html), Has.Count.EqualTo(14), "one boundary per municipality on the map");
        Assert.That(html, Does.Contain("Der Landkreis auf einen Blick").And.Contain("Alle Gemeinden").And.Contain("Vorgeschlagene Patenschaften")
            .And.Contain("Kooperationsräume").And.Contain("Datenqualität und Berechnungslauf"));
        Assert.That(html, Does.Contain("illustrativ"), "the illustrative data is said");
        Assert.That(External().IsMatch(html), Is.False, "no external resources");
    }

    [Test]
    public async Task Report_PairsHaveReasons_AsInThePairingAnswers()
    {
        var pairs = await (await Client.GetAsync("/api/v1/pairings?district=09188&pageSize=100")).ReadJsonAsync(HttpStatusCode.OK);
        var html = await Client.GetStringAsync("/api/v1/districts/09188/report");
        foreach (var pair in pairs["items"]!.AsArray())
        {
            var pairing = await (await Client.GetAsync($"/api/v1/municipalities/{pair!["mentee"]!.Get<string>("ags")}/pairing")).ReadJsonAsync(HttpStatusCode.OK);
            Assert.That(html, Does.Contain(pairing.Get<string>("explanation")));
        }
    }

    [Test]
    public async Task Report_StaysGerman_WithAnEnglishBrowser_AndIsEnglishOnlyWithLangEn()
    {
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/api/v1/districts/09188/report");
        browser.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var german = await (await Client.SendAsync(browser)).Content.ReadAsStringAsync();
        Assert.That(german, Does.Contain("Der Landkreis auf einen Blick"));

        var response = await Client.GetAsync("/api/v1/districts/09188/report?lang=en");
        Assert.That(response.Content.Headers.ContentLanguage, Is.EquivalentTo(new[] { "en" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("The district at a glance"));
    }

    [Test]
    public async Task Report_OutsideBavaria_DrawsPoints()
    {
        var html = await Client.GetStringAsync("/api/v1/districts/01001/report");
        Assert.That(html, Does.Contain("<circle"));
    }

    [TestCase("/api/v1/districts/0918/report", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/districts/09999/report", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/districts/09188/report?lang=fr", HttpStatusCode.BadRequest)]
    public async Task Report_BadKeys_AreProblems(string url, HttpStatusCode status) =>
        await (await Client.GetAsync(url)).ReadProblemAsync(status);

    [GeneratedRegex("<path ")]
    private static partial Regex Paths();

    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:)?//|@import|url\(", RegexOptions.IgnoreCase)]
    private static partial Regex External();
}
