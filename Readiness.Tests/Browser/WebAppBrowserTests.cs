using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Browser;

/// <summary>The planners' web app in a real Chromium against the real service: the views, what-if, deep links, accessibility.</summary>
[Category("Browser")]
[NonParallelizable]
public sealed class WebAppBrowserTests
{
    private const string Starnberg = "09188";
    private const string Andechs = "09188117";
    private BrowserSession session = null!;
    private HttpClient api = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        session = await BrowserSession.StartAsync();
        api = new HttpClient { BaseAddress = session.Address };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        api?.Dispose();
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    [Test]
    public async Task DistrictView_ShowsEveryMunicipalityInTheTable_AndOnTheMap()
    {
        var expected = await MunicipalityNamesAsync(Starnberg);
        var page = await session.NewPageAsync();

        await page.GotoAsync($"/districts/{Starnberg}");
        await page.Locator("#municipality-table tbody tr").First.WaitForAsync();

        var names = await page.Locator("#municipality-table tbody th").AllInnerTextsAsync();
        Assert.That(expected, Has.Count.EqualTo(14));
        Assert.That(names, Is.EquivalentTo(expected));
        var shapes = await page.Locator("#district-map svg path.leaflet-interactive").CountAsync();
        Assert.That(shapes, Is.GreaterThanOrEqualTo(14), "one shape per municipality on the map");
        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.Contain("Starnberg"));
        await Screenshot(page, "district.png");
    }

    [Test]
    public async Task MunicipalityView_ShowsTheScoreTheApiServes_InGerman()
    {
        var readiness = await JsonAsync($"/api/v1/municipalities/{Andechs}/readiness");
        var page = await session.NewPageAsync();

        await page.GotoAsync($"/municipalities/{Andechs}");
        await page.Locator("#score").WaitForAsync();

        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Andechs"));
        var score = readiness["score"]!.GetValue<double>().ToString("0.#", CultureInfo.GetCultureInfo("de-DE"));
        Assert.That(await page.Locator("#score").InnerTextAsync(), Is.EqualTo(score));
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("de"));
        await Screenshot(page, "municipality.png");
    }

    [Test]
    public async Task WhatIf_WithEveryStructureInPlace_MovesTheTier_AndStoresNothing()
    {
        var before = await JsonAsync($"/api/v1/municipalities/{Andechs}/assessments");
        var page = await session.NewPageAsync();
        await page.GotoAsync($"/municipalities/{Andechs}");
        await page.Locator("#what-if").WaitForAsync();
        var tier = (await JsonAsync($"/api/v1/municipalities/{Andechs}/readiness"))["tier"]!.GetValue<string>();

        foreach (var select in await page.Locator("#what-if select").AllAsync())
        {
            await select.SelectOptionAsync("true");
        }

        await page.Locator("#wi-paidStaffFte").FillAsync("2");
        await page.Locator("#what-if button[type=submit]").ClickAsync();
        await page.Locator("#what-if-tier").WaitForAsync();

        Assert.That(await page.Locator("#what-if-tier").GetAttributeAsync("data-tier"), Is.Not.EqualTo(tier).And.Not.Null);
        var after = await JsonAsync($"/api/v1/municipalities/{Andechs}/assessments");
        Assert.That(after.ToJsonString(), Is.EqualTo(before.ToJsonString()), "what-if stores nothing");
    }

    [Test]
    public async Task DeepLinks_AndTheBackButton_LeadThroughTheViews()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#district-search").FillAsync("munchen");
        var munich = page.Locator("#district-list a", new PageLocatorOptions { HasText = "München" }).First;
        await munich.WaitForAsync();
        Assert.That(await munich.InnerTextAsync(), Does.Contain("München"), "accent-insensitive search, as the API's q=");
        await Screenshot(page, "start.png");

        await page.GotoAsync($"/districts/{Starnberg}");
        await page.Locator($"#municipality-table a[href='/municipalities/{Andechs}']").ClickAsync();
        await page.WaitForURLAsync($"**/municipalities/{Andechs}");
        await page.Locator("#score").WaitForAsync();
        await page.GoBackAsync();

        await page.WaitForURLAsync($"**/districts/{Starnberg}");
        await page.Locator("#municipality-table tbody tr").First.WaitForAsync();
        Assert.That(await page.Locator("h1").InnerTextAsync(), Does.Contain("Starnberg"));
    }

    [Test]
    public async Task Planner_AgreesToTheProposedPair_AndSeesItsState()
    {
        var key = session.Factory.CreateKey(Role.Planner, Starnberg);
        var page = await session.NewPageAsync();
        // The key is entered once per browser session and kept in sessionStorage, never in a URL.
        await page.AddInitScriptAsync($"sessionStorage.setItem('readiness.plannerKey', '{key}')");
        page.Dialog += (_, dialog) => dialog.AcceptAsync("Im Begleitgremium besprochen");
        await page.GotoAsync($"/municipalities/{Andechs}");
        var proposed = page.Locator("#candidates tbody tr", new PageLocatorOptions { Has = page.Locator("td[data-decision=proposed]") }).First;
        await proposed.WaitForAsync();

        await proposed.Locator("button").First.ClickAsync();

        var agreed = page.Locator("#candidates td[data-decision=agreed]");
        await agreed.WaitForAsync();
        Assert.That(await agreed.InnerTextAsync(), Is.EqualTo("vereinbart"));
        var decisions = await JsonAsync($"/api/v1/pairings/decisions?district={Starnberg}");
        Assert.That(decisions.ToJsonString(), Does.Contain(Andechs).And.Contain("agreed"), "the decision is stored, not only shown");
    }

    [Test]
    public async Task Planner_TurnsARecommendationIntoAMeasure_ThatTheProgressBoardCounts()
    {
        var key = session.Factory.CreateKey(Role.Planner, Starnberg);
        var page = await session.NewPageAsync();
        await page.AddInitScriptAsync($"sessionStorage.setItem('readiness.plannerKey', '{key}')");
        await page.GotoAsync($"/municipalities/{Andechs}");
        var button = page.Locator("button.measure").First;
        await button.WaitForAsync();

        await button.ClickAsync();

        await page.Locator(".measure-created").WaitForAsync();
        await page.GotoAsync($"/districts/{Starnberg}");
        await page.Locator("#progress tbody tr").First.WaitForAsync();
        var planned = await page.Locator("#progress tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.That(planned.Sum(int.Parse), Is.GreaterThanOrEqualTo(1), "the new measure is planned in its field of action");
        var progress = await JsonAsync($"/api/v1/districts/{Starnberg}/progress");
        Assert.That(progress["byFieldOfAction"]!.AsArray().Sum(f => f!["planned"]!.GetValue<int>()), Is.EqualTo(planned.Sum(int.Parse)));
    }

    [Test]
    public async Task EnglishBrowser_GetsTheEnglishPage()
    {
        var page = await session.NewPageAsync("en-GB");
        await page.GotoAsync($"/districts/{Starnberg}");
        await page.Locator("#municipality-table tbody tr").First.WaitForAsync();

        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("en"));
        Assert.That(await page.Locator("#municipality-table thead").InnerTextAsync(), Does.Contain("Municipality"));
    }

    [TestCase("/", "#district-list li")]
    [TestCase("/districts/09188", "#municipality-table tbody tr")]
    [TestCase("/municipalities/09188117", "#what-if")]
    public async Task View_HasNoSeriousOrCriticalAccessibilityViolation(string path, string ready)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync(path);
        await page.Locator(ready).First.WaitForAsync();

        var result = await page.RunAxe();

        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.That(result.Passes, Is.Not.Empty, "axe-core ran");
        Assert.That(serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"), Is.Empty);
    }

    private async Task<List<string>> MunicipalityNamesAsync(string district)
    {
        var page = await JsonAsync($"/api/v1/municipalities?district={district}&pageSize=500");
        return [.. page["items"]!.AsArray().Select(m => m!["name"]!.GetValue<string>())];
    }

    private async Task<JsonNode> JsonAsync(string path)
    {
        using var response = await api.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>With READINESS_SCREENSHOTS set to a folder (docs/images when refreshing the README), the views are saved there.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("READINESS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = false });
        }
    }
}
