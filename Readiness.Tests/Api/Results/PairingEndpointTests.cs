using System.Net;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

public sealed class PairingEndpointTests : ResultsFixture
{
    [Test]
    public async Task List_PairsMenteesWithMentors_WithinCapacity_AndExplainsEachPair()
    {
        var page = await (await Client.GetAsync("/api/v1/pairings?state=09&pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);
        var pairs = page["items"]!.AsArray().ToList();
        for (var next = 2; pairs.Count < page.Get<int>("total"); next++)
        {
            pairs.AddRange((await (await Client.GetAsync($"/api/v1/pairings?state=09&pageSize=500&page={next}")).ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
        }

        Assert.That(pairs, Is.Not.Empty);
        Assert.That(pairs, Has.Count.EqualTo(page.Get<int>("total")));

        var kinds = (await (await Client.GetAsync("/api/v1/districts?pageSize=500")).ReadJsonAsync(HttpStatusCode.OK))["items"]!.AsArray()
            .ToDictionary(d => d!.Get<string>("key"), d => d!.Get<string>("kind"));
        var acrossTheBorder = 0;
        foreach (var pair in pairs)
        {
            Assert.That(pair!["mentee"]!.Get<string>("tier"), Is.AnyOf("starting", "developing"));
            Assert.That(pair["mentor"]!.Get<string>("tier"), Is.AnyOf("established", "experienced"));
            var (menteeDistrict, mentorDistrict) = (pair["mentee"]!.Get<string>("districtKey"), pair["mentor"]!.Get<string>("districtKey"));
            if (menteeDistrict != mentorDistrict)
            {
                // Only a kreisfreie Stadt mentors across the border, into a Landkreis (Pairing:CityMentorsAcrossDistrict).
                acrossTheBorder++;
                Assert.That(kinds[mentorDistrict], Is.EqualTo("kreisfreie-stadt"), $"{pair["mentor"]!.Get<string>("name")} mentors across the district border");
                Assert.That(kinds[menteeDistrict], Is.EqualTo("landkreis"));
            }


            Assert.That(pair.Get<double>("benefit"), Is.GreaterThan(0));
            Assert.That(pair["topics"]!.AsArray(), Is.Not.Empty);
            Assert.That(pair.Get<double>("distanceKm") <= 30 || pair.Get<bool>("sharesBorder"), Is.True, "neighbours or within 30 km");
            Assert.That(pair.Get<long>("since"), Is.GreaterThan(0));
            Assert.That(pair.Get<string>("dataQuality"), Is.EqualTo("illustrative"));
        }

        Assert.That(acrossTheBorder, Is.GreaterThan(0), "kreisfreie Städte mentor the municipalities around them");
        var load = pairs.GroupBy(p => p!["mentor"]!.Get<string>("ags")).Max(g => g.Count());
        Assert.That(load, Is.LessThanOrEqualTo(2));
    }

    [Test]
    public async Task MunicipalityPairing_AndCandidates_AgreeWithTheList()
    {
        var pair = (await (await Client.GetAsync("/api/v1/pairings?district=09188&pageSize=1")).ReadJsonAsync(HttpStatusCode.OK))["items"]![0]!;
        var mentee = pair["mentee"]!.Get<string>("ags");
        var mentor = pair["mentor"]!.Get<string>("ags");

        var asMentee = await (await Client.GetAsync($"/api/v1/municipalities/{mentee}/pairing")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(asMentee.Get<string>("role"), Is.EqualTo("mentee"));
        Assert.That(asMentee["asMentee"]!["mentor"]!.Get<string>("ags"), Is.EqualTo(mentor));
        Assert.That(asMentee.Get<string>("explanation"), Does.Contain(pair["mentor"]!.Get<string>("name")));

        var asMentor = await (await Client.GetAsync($"/api/v1/municipalities/{mentor}/pairing")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(asMentor.Get<string>("role"), Is.EqualTo("mentor"));
        Assert.That(asMentor["asMentor"]!.AsArray().Select(p => p!["mentee"]!.Get<string>("ags")), Does.Contain(mentee));

        var candidates = await (await Client.GetAsync($"/api/v1/municipalities/{mentee}/pairing-candidates")).ReadJsonAsync(HttpStatusCode.OK);
        var list = candidates["candidates"]!.AsArray();
        Assert.That(list.Select(c => c!.Get<double>("benefit")), Is.Ordered.Descending);
        Assert.That(list.Single(c => c!.Get<bool>("chosen"))!["mentor"]!.Get<string>("ags"), Is.EqualTo(mentor));
    }

    [Test]
    public async Task UnpairedMentees_SayWhy()
    {
        // Among Bavaria's mentees some have no mentor; each says why.
        var bavaria = await (await Client.GetAsync("/api/v1/readiness?state=09&tier=starting&pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);
        var paired = (await (await Client.GetAsync("/api/v1/pairings?state=09&pageSize=500&page=1")).ReadJsonAsync(HttpStatusCode.OK))["items"]!
            .AsArray().Select(p => p!["mentee"]!.Get<string>("ags")).ToHashSet();
        var unpaired = bavaria["items"]!.AsArray().Select(i => i!.Get<string>("ags")).Where(a => !paired.Contains(a)).Take(5).ToList();
        Assert.That(unpaired, Is.Not.Empty);

        foreach (var ags in unpaired)
        {
            var pairing = await (await Client.GetAsync($"/api/v1/municipalities/{ags}/pairing")).ReadJsonAsync(HttpStatusCode.OK);
            if (pairing["asMentee"] is not null)
            {
                continue; // paired on a later page of the list
            }

            Assert.That(pairing["unpaired"]!.Get<string>("reason"), Is.AnyOf("no-candidate", "no-benefit", "candidates-at-capacity"));
            Assert.That(pairing.Get<string>("explanation"), Is.Not.Empty);
        }
    }

    [TestCase("/api/v1/pairings?district=1234", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/pairings?state=99", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/municipalities/123/pairing", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/municipalities/09999999/pairing", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/municipalities/09999999/pairing-candidates", HttpStatusCode.NotFound)]
    public async Task BadRequests_AreProblems(string url, HttpStatusCode status) =>
        await (await Client.GetAsync(url)).ReadProblemAsync(status);
}
