using System.Net;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

public sealed class SharedServiceEndpointTests : ResultsFixture
{
    [Test]
    public async Task List_GroupsStayInTheirDistrict_AndReachTheFloor()
    {
        var page = await (await Client.GetAsync("/api/v1/shared-services?state=09&pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);

        var groups = page["items"]!.AsArray();
        Assert.That(groups, Is.Not.Empty);
        var seen = new HashSet<string>();
        foreach (var group in groups)
        {
            var members = group!["members"]!.AsArray();
            Assert.That(members, Has.Count.InRange(2, 8));
            Assert.That(group.Get<string>("dataQuality"), Is.EqualTo("illustrative"));
            Assert.That(members.Select(m => m!.Get<string>("ags")[..5]).Distinct(), Is.EqualTo(new[] { group.Get<string>("districtKey") }));
            Assert.That(group.Get<double>("foreignResidents") >= 400 || group.Get<long>("population") >= 10_000, Is.True, group.Get<string>("id"));
            foreach (var member in members)
            {
                Assert.That(seen.Add(member!.Get<string>("ags")), Is.True, "no municipality is in two groups");
            }
        }
    }

    [Test]
    public async Task Get_AGroup_MatchesItsMembersDetail()
    {
        var group = (await (await Client.GetAsync("/api/v1/shared-services?district=09188&pageSize=1")).ReadJsonAsync(HttpStatusCode.OK))["items"]![0]!;
        var id = group.Get<string>("id");

        var detail = await (await Client.GetAsync($"/api/v1/shared-services/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(detail.ToJsonString(), Is.EqualTo(group.ToJsonString()));

        var member = group["members"]![0]!.Get<string>("ags");
        var municipality = await (await Client.GetAsync($"/api/v1/municipalities/{member}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(municipality["sharedServiceGroup"]!.Get<string>("id"), Is.EqualTo(id));
        Assert.That(detail["suggestedOffers"]!.AsArray(), Is.Not.Empty);
    }

    [TestCase("/api/v1/shared-services/nope", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/shared-services?district=x", HttpStatusCode.BadRequest)]
    public async Task BadRequests_AreProblems(string url, HttpStatusCode status) =>
        await (await Client.GetAsync(url)).ReadProblemAsync(status);
}
