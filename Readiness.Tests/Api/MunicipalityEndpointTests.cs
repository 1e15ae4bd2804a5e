using Readiness.Data;
using System.Net;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api;

[TestFixtureSource(typeof(Providers), nameof(Providers.Both))]
public sealed class MunicipalityEndpointTests(DatabaseProvider provider)
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory(provider: provider);
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client?.Dispose();
        factory?.Dispose();
    }

    [Test]
    public async Task List_Bavaria_Has2056()
    {
        var page = await (await client.GetAsync("/api/v1/municipalities?state=09&pageSize=1")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(page.Get<int>("total"), Is.EqualTo(2_056));
        Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task List_All_Has10752()
    {
        var page = await (await client.GetAsync("/api/v1/municipalities")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(page.Get<int>("total"), Is.EqualTo(10_752));
        Assert.That(page.Get<int>("pageSize"), Is.EqualTo(50));
    }

    [TestCase("munchen")]
    [TestCase("MÜNCHEN")]
    [TestCase("muenchen")]
    public async Task List_Search_IgnoresCaseAndAccents(string q)
    {
        var page = await (await client.GetAsync($"/api/v1/municipalities?state=09&q={Uri.EscapeDataString(q)}")).ReadJsonAsync(HttpStatusCode.OK);

        var names = page["items"]!.AsArray().Select(m => m!["ags"]!.GetValue<string>()).ToList();
        Assert.That(names, Does.Contain("09162000"));
    }

    [Test]
    public async Task List_SortsByPopulationDescending_AndFiltersByDistrictAndKind()
    {
        var page = await (await client.GetAsync("/api/v1/municipalities?state=09&sort=-population&pageSize=3")).ReadJsonAsync(HttpStatusCode.OK);
        var names = page["items"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "München", "Nürnberg", "Augsburg" }));

        // Landkreis Starnberg has one town among its 14 municipalities.
        var towns = await (await client.GetAsync("/api/v1/municipalities?district=09188&kind=stadt")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(towns["items"]!.AsArray().Select(m => m!["ags"]!.GetValue<string>()), Is.EqualTo(new[] { "09188139" }));

        var markets = await (await client.GetAsync("/api/v1/municipalities?district=09189&kind=markt")).ReadJsonAsync(HttpStatusCode.OK);
        var items = markets["items"]!.AsArray();
        Assert.That(items, Is.Not.Empty);
        Assert.That(items.Select(m => m!["kind"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("markt"));
        Assert.That(items.Select(m => m!["districtKey"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("09189"));
    }

    [Test]
    public async Task List_SortsByForeignShare_WithUnknownSharesLast()
    {
        var page = await (await client.GetAsync("/api/v1/municipalities?sort=foreignShare&pageSize=500&page=22")).ReadJsonAsync(HttpStatusCode.OK);
        var shares = page["items"]!.AsArray().Select(m => m!["foreignShare"]?.GetValue<double?>()).ToList();

        // The last page holds the municipalities without a published share.
        Assert.That(shares, Is.Not.Empty);
        Assert.That(shares, Is.Not.Empty.And.All.Null);

        var first = await (await client.GetAsync("/api/v1/municipalities?sort=foreignShare&pageSize=5")).ReadJsonAsync(HttpStatusCode.OK);
        var known = first["items"]!.AsArray().Select(m => m!["foreignShare"]!.GetValue<double>()).ToList();
        Assert.That(known, Is.Ordered);
    }

    [Test]
    public async Task Get_Munich_HasNeighboursAndCensusShares()
    {
        var munich = await (await client.GetAsync("/api/v1/municipalities/09162000")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(munich.Get<string>("name"), Is.EqualTo("München"));
        Assert.That(munich.Get<long>("population"), Is.EqualTo(1_510_378));
        Assert.That(munich["census"]!.Get<double>("foreignShare"), Is.EqualTo(0.273).Within(1e-9));
        var neighbours = munich["neighbours"]!.AsArray();
        Assert.That(neighbours, Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(neighbours.Select(n => n!["source"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("boundary"));
        // Each touches München directly (a measured border) or through a gemeindefreies Gebiet (named under via).
        Assert.That(neighbours.Where(n => n!["via"] is null).Select(n => n!["sharedBorderM"]!.GetValue<double>()), Is.Not.Empty.And.All.GreaterThan(0));
        Assert.That(neighbours.Count(n => n!["via"] is null), Is.GreaterThanOrEqualTo(5));
    }

    [Test]
    public async Task Get_MemberOfAVerwaltungsgemeinschaft_ListsTheUnion()
    {
        // Emmerting belongs to the VGem Emmerting with Mehring.
        var emmerting = await (await client.GetAsync("/api/v1/municipalities/09171114")).ReadJsonAsync(HttpStatusCode.OK);

        var union = emmerting["administrativeUnion"]!;
        Assert.That(union.Get<string>("key"), Is.EqualTo("091715101"));
        Assert.That(union["members"]!.AsArray().Select(m => m!["ags"]!.GetValue<string>()), Is.EquivalentTo(new[] { "09171114", "09171124" }));
    }

    [Test]
    public async Task Get_MunicipalityWithoutCensusShare_SaysWhy()
    {
        var wattendorf = await (await client.GetAsync("/api/v1/municipalities/09471209")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(wattendorf["census"]!["foreignShare"], Is.Null);
        Assert.That(wattendorf["census"]!.Get<string>("missingReason"), Is.Not.Empty);
    }

    [Test]
    public async Task Get_MalformedAgs_Is400ProblemNamingAgs() =>
        await (await client.GetAsync("/api/v1/municipalities/0916200")).ReadProblemAsync(HttpStatusCode.BadRequest, "ags");

    [Test]
    public async Task Get_UnknownAgs_Is404Problem() =>
        await (await client.GetAsync("/api/v1/municipalities/09999999")).ReadProblemAsync(HttpStatusCode.NotFound);

    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=501", "pageSize")]
    [TestCase("pageSize=ten", "pageSize")]
    [TestCase("page=-1", "page")]
    [TestCase("state=99", "state")]
    [TestCase("district=12345", "district")]
    [TestCase("district=091", "district")]
    [TestCase("kind=dorf", "kind")]
    [TestCase("sort=area", "sort")]
    public async Task List_BadInput_IsAValidationProblem_NamingTheField(string query, string field) =>
        await (await client.GetAsync($"/api/v1/municipalities?{query}")).ReadProblemAsync(HttpStatusCode.BadRequest, field);
}
