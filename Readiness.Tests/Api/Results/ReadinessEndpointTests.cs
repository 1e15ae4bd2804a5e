using System.Net;
using System.Net.Http.Headers;
using Readiness.Tests.Api.Write;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

public sealed class ReadinessEndpointTests : ResultsFixture
{
    [Test]
    public async Task Get_Munich_HasAScoreWhoseContributionsAddUp()
    {
        var readiness = await (await Client.GetAsync("/api/v1/municipalities/09162000/readiness")).ReadJsonAsync(HttpStatusCode.OK);

        var score = readiness.Get<double>("score");
        Assert.That(score, Is.InRange(0, 100));
        Assert.That(readiness.Get<string>("tier"), Is.AnyOf("established", "experienced"));
        Assert.That(readiness.Get<string>("dataQuality"), Is.EqualTo("illustrative"));
        Assert.That(readiness.Get<string>("profile"), Is.EqualTo("default"));
        Assert.That(readiness.Get<long>("runId"), Is.GreaterThan(0));
        var contributions = readiness["indicators"]!.AsArray().Sum(i => i!["contribution"]?.GetValue<double>() ?? 0);
        Assert.That(contributions, Is.EqualTo(score).Within(0.05), "rounded contributions add up to the score");
        var rank = readiness["rank"]!;
        Assert.That(rank.Get<int>("district"), Is.EqualTo(1), "München is its own district");
        Assert.That(rank.Get<int>("all"), Is.InRange(1, rank.Get<int>("allOf")));
        var interval = readiness["rankInterval"]!;
        Assert.That(interval.Get<int>("low"), Is.LessThanOrEqualTo(interval.Get<int>("median")));
        Assert.That(interval.Get<int>("median"), Is.LessThanOrEqualTo(interval.Get<int>("high")));
        Assert.That(readiness["peerGroup"]!.Get<string>("label"), Is.Not.Empty);
    }

    [Test]
    public async Task Get_WithTheCurrentETag_Is304()
    {
        var first = await Client.GetAsync("/api/v1/municipalities/09188139/readiness");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var etag = first.Headers.ETag;
        Assert.That(etag, Is.Not.Null);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/municipalities/09188139/readiness");
        conditional.Headers.IfNoneMatch.Add(etag!);
        var second = await Client.SendAsync(conditional);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [TestCase("/api/v1/municipalities/0918813/readiness", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/municipalities/09999999/readiness", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/municipalities/09188139/readiness?profile=nope", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/municipalities/09188139/readiness?run=999999", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/municipalities/09188139/readiness?run=abc", HttpStatusCode.BadRequest)]
    public async Task Get_BadRequests_AreProblems(string url, HttpStatusCode status) =>
        await (await Client.GetAsync(url)).ReadProblemAsync(status);

    [Test]
    public async Task WhatIf_AddingAStructure_NeverLowersTheScore_AndStoresNothing()
    {
        var before = Factory.Written();
        var baseline = await (await Client.GetAsync("/api/v1/municipalities/09188117/readiness")).ReadJsonAsync(HttpStatusCode.OK);
        var lacking = baseline["recommendations"]!.AsArray().First()!.Get<string>("structure");
        var field = lacking == "paidStaff" ? "\"paidStaffFte\": 1" : $"\"{lacking}\": true";

        var whatIf = await (await Client.PostAsync("/api/v1/municipalities/09188117/readiness/what-if", WriteSupport.Json($"{{{field}}}")))
            .ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(whatIf.Get<double>("score"), Is.GreaterThanOrEqualTo(baseline.Get<double>("score")));
        var expectedGain = baseline["recommendations"]![0]!.Get<double>("expectedGain");
        Assert.That(whatIf.Get<double>("score") - baseline.Get<double>("score"), Is.EqualTo(expectedGain).Within(0.02), "the recommendation's gain is what the what-if gives");
        Assert.That(whatIf["baseline"]!.Get<double>("score"), Is.EqualTo(baseline.Get<double>("score")));
        Assert.That(whatIf["changedAnswers"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(Factory.Written(), Is.EqualTo(before));
    }

    // Issue 15, item 8: an atypical member is compared with its similar municipalities (the same 10 as /similar), not its group.
    [Test]
    public async Task Get_AtypicalMember_ComparesWithItsSimilarMunicipalities_AndATypicalOneWithItsGroup()
    {
        var similar = await (await Client.GetAsync("/api/v1/municipalities/09162000/similar")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(similar.Get<bool>("atypical"), Is.True, "München lies far from its group's centre");
        var readiness = await (await Client.GetAsync("/api/v1/municipalities/09162000/readiness")).ReadJsonAsync(HttpStatusCode.OK);

        var comparison = readiness["comparison"]!;
        Assert.That(comparison.Get<string>("basis"), Is.EqualTo("similar-municipalities"));
        Assert.That(comparison.Get<string>("label"), Does.Contain("ähnlichsten"));
        var items = similar["items"]!.AsArray();
        Assert.That(comparison["municipalities"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(items.Select(i => i!.Get<string>("ags"))));
        var score = readiness.Get<double>("score");
        Assert.That(comparison.Get<int>("rank"), Is.EqualTo(1 + items.Count(i => i!["score"] is not null && i!.Get<double>("score") > score)));
        string[] order = ["insufficient-data", "starting", "developing", "established", "experienced"];
        var ahead = items.Count(i => Array.IndexOf(order, i!.Get<string>("tier")) > Array.IndexOf(order, readiness.Get<string>("tier")));
        Assert.That(readiness["recommendations"]!.AsArray().Select(r => r!.Get<int>("peersAtHigherTier")), Has.All.EqualTo(ahead));

        var typical = await (await Client.GetAsync("/api/v1/municipalities/09188117/similar")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(typical.Get<bool>("atypical"), Is.False);
        var andechs = await (await Client.GetAsync("/api/v1/municipalities/09188117/readiness")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(andechs["comparison"]!.Get<string>("basis"), Is.EqualTo("peer-group"));
        Assert.That(andechs["comparison"]!.Get<int>("rank"), Is.EqualTo(andechs["rank"]!.Get<int>("peerGroup")));
    }

    [Test]
    public async Task WhatIf_ContactPersonFromTheDistrict_CountsLessThanItsOwn()
    {
        const string Url = "/api/v1/municipalities/09162000/readiness/what-if";
        var baseline = await (await Client.GetAsync("/api/v1/municipalities/09162000/readiness")).ReadJsonAsync(HttpStatusCode.OK);
        var contact = baseline["indicators"]!.AsArray().Single(i => i!.Get<string>("key") == "contactPerson")!;
        Assert.That(contact["rawValue"]?.GetValue<double>(), Is.EqualTo(1), "München has its own contact person in the shipped assessments");

        var district = await (await Client.PostAsync(Url, WriteSupport.Json("""{"contactPersonProvider": "district"}"""))).ReadJsonAsync(HttpStatusCode.OK);
        var own = await (await Client.PostAsync(Url, WriteSupport.Json("""{"contactPersonProvider": "own"}"""))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(district.Get<double>("score"), Is.LessThan(baseline.Get<double>("score")));
        Assert.That(own.Get<double>("score"), Is.EqualTo(baseline.Get<double>("score")));
        Assert.That(district["changedAnswers"]!.AsArray().Select(c => c!.GetValue<string>()), Is.EqualTo(new[] { "contactPersonProvider" }));
        await (await Client.PostAsync(Url, WriteSupport.Json("""{"contactPersonProvider": "neighbour"}""")))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "contactPersonProvider");
    }

    [Test]
    public void ShippedAssessments_IncludeProvisionsByTheUnionAndTheDistrict()
    {
        using var connection = Readiness.Data.Database.ForFile(Factory.DatabasePath).Open();
        var counts = Dapper.SqlMapper.Query<(string Provider, long Count)>(connection,
            """
            SELECT p, count(*) FROM (
                SELECT contact_person_provider AS p FROM assessments WHERE source = 'illustrative' AND ags LIKE '09%'
                UNION ALL SELECT network_provider FROM assessments WHERE source = 'illustrative' AND ags LIKE '09%')
            WHERE p IS NOT NULL GROUP BY p
            """).ToDictionary(r => r.Provider, r => r.Count);

        Assert.That(counts.GetValueOrDefault("administrativeUnion"), Is.GreaterThan(100), "Bavarian VG members");
        Assert.That(counts.GetValueOrDefault("district"), Is.GreaterThan(10), "small places outside a VG");
    }

    [TestCase("""{"paidStaffFte": 5000}""", "paidStaffFte")]
    [TestCase("""{"activeVolunteers": -1}""", "activeVolunteers")]
    [TestCase("""{"activeVolunteers": 2.5}""", "activeVolunteers")]
    [TestCase("""{"network": "yes"}""", "network")]
    [TestCase("""{"unknownThing": true}""", "unknownThing")]
    [TestCase("""{"integrationBudgetEur": 1e400}""", "integrationBudgetEur")]
    [TestCase("""[1, 2]""", "body")]
    [TestCase("""{not json""", "body")]
    public async Task WhatIf_BadAnswers_AreValidationProblems_NamingTheField(string body, string field) =>
        await (await Client.PostAsync("/api/v1/municipalities/09188117/readiness/what-if", WriteSupport.Json(body)))
            .ReadProblemAsync(HttpStatusCode.BadRequest, field);

    [Test]
    public async Task WhatIf_WrongContentType_Is415()
    {
        using var content = new StringContent("network=true");
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        await (await Client.PostAsync("/api/v1/municipalities/09188117/readiness/what-if", content)).ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task List_RanksADistrict_MostReadyFirst()
    {
        var page = await (await Client.GetAsync("/api/v1/readiness?district=09188&pageSize=50")).ReadJsonAsync(HttpStatusCode.OK);

        var items = page["items"]!.AsArray();
        Assert.That(page.Get<int>("total"), Is.EqualTo(14));
        var scores = items.Select(i => i!["score"]?.GetValue<double?>()).Where(s => s is not null).Select(s => s!.Value).ToList();
        Assert.That(scores, Is.Ordered.Descending);
        var ranks = items.Where(i => i!["score"] is not null).Select(i => i!["rank"]!.Get<int>("district")).ToList();
        Assert.That(ranks, Is.Ordered);
        Assert.That(page.Get<string>("dataQuality"), Is.EqualTo("illustrative"));
    }

    [Test]
    public async Task List_FiltersByTier()
    {
        var page = await (await Client.GetAsync("/api/v1/readiness?state=09&tier=starting&pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(page.Get<int>("total"), Is.GreaterThan(0));
        Assert.That(page["items"]!.AsArray().Select(i => i!["tier"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("starting"));
    }

    [TestCase("tier=great", "tier")]
    [TestCase("sort=rank", "sort")]
    [TestCase("state=77", "state")]
    [TestCase("district=00000", "district")]
    [TestCase("pageSize=0", "pageSize")]
    public async Task List_BadFilters_AreValidationProblems(string query, string field) =>
        await (await Client.GetAsync($"/api/v1/readiness?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest, field);

    [Test]
    public async Task MunicipalityList_FiltersByTier_AndSortsByScore()
    {
        var page = await (await Client.GetAsync("/api/v1/municipalities?district=09188&sort=-score&pageSize=50")).ReadJsonAsync(HttpStatusCode.OK);
        var scores = page["items"]!.AsArray().Select(i => i!["score"]!.GetValue<double>()).ToList();
        Assert.That(scores, Is.Ordered.Descending);

        var experienced = await (await Client.GetAsync("/api/v1/municipalities?state=09&tier=experienced&pageSize=5")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(experienced["items"]!.AsArray().Select(i => i!["tier"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("experienced"));
        await (await Client.GetAsync("/api/v1/municipalities?tier=great")).ReadProblemAsync(HttpStatusCode.BadRequest, "tier");
        await (await Client.GetAsync("/api/v1/municipalities?peerGroup=999")).ReadProblemAsync(HttpStatusCode.BadRequest, "peerGroup");
    }

    [Test]
    public async Task DistrictSummary_CountsEveryMunicipality_AndStructureCoverage()
    {
        var summary = await (await Client.GetAsync("/api/v1/districts/09188/summary")).ReadJsonAsync(HttpStatusCode.OK);

        var tiers = summary["tiers"]!.AsObject().Sum(t => t.Value!.GetValue<int>());
        Assert.That(tiers, Is.EqualTo(14));
        foreach (var structure in summary["structures"]!.AsArray())
        {
            Assert.That(structure!.Get<int>("having") + structure!.Get<int>("lacking") + structure!.Get<int>("unknown"), Is.EqualTo(14));
            Assert.That(structure!.Get<double>("foreignResidentsShareCovered"), Is.InRange(0, 1));
        }

        Assert.That(summary.Get<string>("dataQuality"), Is.EqualTo("illustrative"));
        await (await Client.GetAsync("/api/v1/districts/0918/summary")).ReadProblemAsync(HttpStatusCode.BadRequest, "key");
        await (await Client.GetAsync("/api/v1/districts/09999/summary")).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
