using System.Net;
using System.Text.Json.Nodes;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

/// <summary>The planner's corrections of the method, as the HTTP answers show them (issue "What a district planner would correct").</summary>
public sealed class MethodEndpointTests : ResultsFixture
{
    private const string Munich = "09162000";

    [Test]
    public async Task Readiness_CarriesAPriority_ThatIsForeignResidentsTimesTheGap()
    {
        var readiness = await GetAsync("/api/v1/municipalities/09188117/readiness");
        var municipality = await GetAsync("/api/v1/municipalities/09188117");
        var census = municipality["census"]!;
        var foreign = census.Get<double>("population") * municipality.Get<double>("foreignShare");

        var expected = foreign * (1 - readiness.Get<double>("score") / 100);
        Assert.That(readiness.Get<double>("priority"), Is.EqualTo(expected).Within(expected * 0.01 + 0.5));
    }

    [Test]
    public async Task Ranking_SortsByPriority_HighestFirst()
    {
        var page = await GetAsync("/api/v1/readiness?state=09&sort=-priority&pageSize=200");

        var priorities = page["items"]!.AsArray().Select(i => i!["priority"]?.GetValue<double>()).ToList();
        Assert.That(priorities, Has.Count.EqualTo(200));
        Assert.That(priorities, Is.All.Not.Null);
        Assert.That(priorities, Is.Ordered.Descending);
    }

    [Test]
    public async Task ATierHeldBelowItsScore_SaysWhichRequirementHoldsIt()
    {
        // The most ready of the developing municipalities are where a cap shows, if anywhere.
        var page = await GetAsync("/api/v1/readiness?state=09&tier=developing&sort=-score&pageSize=80");
        var capped = new List<JsonNode>();
        foreach (var item in page["items"]!.AsArray())
        {
            var readiness = await GetAsync($"/api/v1/municipalities/{item!.Get<string>("ags")}/readiness");
            if (readiness["tierCappedBy"]!.AsArray().Count > 0)
            {
                capped.Add(readiness);
            }
        }

        Assert.That(capped, Is.Not.Empty, "the illustrative data has municipalities whose score reaches established without a contact person");
        foreach (var readiness in capped)
        {
            Assert.That(readiness.Get<string>("tierByScore"), Is.EqualTo("established").Or.EqualTo("experienced"));
            Assert.That(readiness["tierCappedBy"]!.AsArray().Select(k => k!.GetValue<string>()), Is.SubsetOf(new[] { "contactPerson", "paidStaffFte" }));
        }
    }

    [Test]
    public async Task NoEstablishedOrExperiencedMunicipality_IsWithoutAContactPerson()
    {
        foreach (var tier in new[] { "established", "experienced" })
        {
            var page = await GetAsync($"/api/v1/readiness?state=09&tier={tier}&pageSize=500");
            var items = page["items"]!.AsArray();
            Assert.That(items, Is.Not.Empty);
            foreach (var item in items.Take(40))
            {
                var ags = item!.Get<string>("ags");
                var readiness = await GetAsync($"/api/v1/municipalities/{ags}/readiness");
                Assert.That(readiness["flags"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Not.Contain("no-contact-person"), ags);
            }
        }
    }

    [Test]
    public async Task Similar_ListsTenMunicipalities_NearestFirst()
    {
        var similar = await GetAsync($"/api/v1/municipalities/{Munich}/similar");

        var items = similar["items"]!.AsArray();
        Assert.That(items, Has.Count.EqualTo(10));
        Assert.That(items.Select(i => i!.Get<string>("ags")), Does.Not.Contain(Munich));
        Assert.That(items.Select(i => i!.Get<double>("distance")), Is.Ordered);
        Assert.That(items.Select(i => i!.Get<string>("tier")), Is.All.Not.Null);
    }

    [Test]
    public async Task DistrictSummary_NamesWhereSupportMattersMost_HighestPriorityFirst()
    {
        var summary = await GetAsync("/api/v1/districts/09188/summary");
        var ranking = await GetAsync("/api/v1/readiness?district=09188&sort=-priority&pageSize=5");

        var top = summary["whereSupportMattersMost"]!.AsArray();
        Assert.That(top, Has.Count.EqualTo(5));
        Assert.That(top.Select(t => t!.Get<string>("ags")), Is.EqualTo(ranking["items"]!.AsArray().Select(i => i!.Get<string>("ags"))));
    }

    [Test]
    public async Task Export_HasThePriorityAsItsLastColumn()
    {
        var csv = await (await Client.GetAsync("/api/v1/export/readiness.csv?district=09188&locale=en")).Content.ReadAsStringAsync();

        var header = csv.TrimStart('\uFEFF').Split('\n')[0].Trim().Split(',');
        Assert.That(header[^1], Is.EqualTo("priority"));
        Assert.That(header[..29], Does.Contain("runId"), "earlier columns keep their places");
    }

    private async Task<JsonNode> GetAsync(string path) => await (await Client.GetAsync(path)).ReadJsonAsync(HttpStatusCode.OK);
}
