using System.Net;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

public sealed class PeerGroupEndpointTests : ResultsFixture
{
    [Test]
    public async Task List_CoversEveryMunicipality_WithDistinctLabels()
    {
        var response = await Client.GetAsync("/api/v1/peer-groups");
        var groups = (await response.ReadJsonAsync(HttpStatusCode.OK)).AsArray();

        Assert.That(groups.Sum(g => g!.Get<int>("size")), Is.EqualTo(10_752));
        Assert.That(groups.Select(g => g!.Get<string>("label")), Is.Unique);
        Assert.That(groups, Has.Count.InRange(3, 10));
        foreach (var group in groups)
        {
            var tiers = group!["tiers"]!.AsObject().Sum(t => t.Value!.GetValue<int>());
            Assert.That(tiers, Is.EqualTo(group.Get<int>("size")));
            Assert.That(group["centroid"]!.Get<double>("foreignShare"), Is.InRange(0, 1));
        }
    }

    [Test]
    public async Task BigCities_ShareAGroup_AndASmallVillageIsElsewhere()
    {
        async Task<int> GroupOf(string ags) =>
            (await (await Client.GetAsync($"/api/v1/municipalities/{ags}")).ReadJsonAsync(HttpStatusCode.OK))["peerGroup"]!.Get<int>("id");

        var munich = await GroupOf("09162000");
        Assert.That(await GroupOf("09564000"), Is.EqualTo(munich), "Nürnberg");
        Assert.That(await GroupOf("09761000"), Is.EqualTo(munich), "Augsburg");
        // Erlbach (Altötting): 1,174 residents, 1.7 % foreign.
        Assert.That(await GroupOf("09171115"), Is.Not.EqualTo(munich));

        var group = (await (await Client.GetAsync("/api/v1/municipalities/09162000")).ReadJsonAsync(HttpStatusCode.OK))["peerGroup"]!;
        Assert.That(group.Get<double>("distance"), Is.GreaterThan(0));
        Assert.That(group["secondNearest"]!.Get<int>("id"), Is.Not.EqualTo(munich));
        Assert.That(group["secondNearest"]!.Get<double>("distance"), Is.GreaterThanOrEqualTo(group.Get<double>("distance")), "its own group is the nearest");
    }

    [Test]
    public async Task Get_PagesMembers_NearestFirst()
    {
        var groups = (await (await Client.GetAsync("/api/v1/peer-groups")).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        var id = groups[0]!.Get<int>("id");

        var detail = await (await Client.GetAsync($"/api/v1/peer-groups/{id}?pageSize=20")).ReadJsonAsync(HttpStatusCode.OK);

        var members = detail["members"]!.AsArray();
        Assert.That(members, Has.Count.EqualTo(20));
        Assert.That(members.Select(m => m!.Get<double>("distance")), Is.Ordered);
        Assert.That(detail.Get<int>("total"), Is.EqualTo(groups[0]!.Get<int>("size")));
        Assert.That(members.Select(m => m!["secondNearest"]!.Get<int>("id")), Has.None.EqualTo(id));
    }

    [Test]
    public async Task Diagnostics_ReportEveryKTried_AndTheChosenOne()
    {
        var diagnostics = await (await Client.GetAsync("/api/v1/peer-groups/diagnostics")).ReadJsonAsync(HttpStatusCode.OK);

        var candidates = diagnostics["candidates"]!.AsArray();
        Assert.That(candidates.Select(c => c!.Get<int>("k")), Is.EqualTo(Enumerable.Range(3, 8)));
        Assert.That(candidates.Count(c => c!.Get<bool>("chosen")), Is.EqualTo(1));
        var chosen = candidates.Single(c => c!.Get<bool>("chosen"))!;
        Assert.That(chosen.Get<int>("k"), Is.EqualTo(diagnostics.Get<int>("chosenK")));
        // Davies–Bouldin chooses the lowest index.
        Assert.That(chosen.Get<double>("daviesBouldin"), Is.EqualTo(candidates.Min(c => c!.Get<double>("daviesBouldin"))));
        Assert.That(diagnostics["features"]!.AsArray().Select(f => f!.Get<string>("name")), Does.Contain("foreignShare"));
    }

    [TestCase("/api/v1/peer-groups/999", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/peer-groups/1?pageSize=501", HttpStatusCode.BadRequest)]
    public async Task BadRequests_AreProblems(string url, HttpStatusCode status) =>
        await (await Client.GetAsync(url)).ReadProblemAsync(status);
}
