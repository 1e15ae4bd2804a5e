using System.Net;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api;

public sealed class DistrictEndpointTests
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory();
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task List_FiltersByState_AndPages()
    {
        var page = await (await client.GetAsync("/api/v1/districts?state=09&pageSize=10&page=2")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(page.Get<int>("total"), Is.EqualTo(96));
        Assert.That(page.Get<int>("page"), Is.EqualTo(2));
        Assert.That(page.Get<int>("pageSize"), Is.EqualTo(10));
        Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(10));
        Assert.That(page["items"]!.AsArray().Select(d => d!["stateKey"]!.GetValue<string>()), Is.Not.Empty.And.All.EqualTo("09"));
    }

    [Test]
    public async Task Get_Starnberg_HasItsFigures()
    {
        var district = await (await client.GetAsync("/api/v1/districts/09188")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(district.Get<string>("name"), Is.EqualTo("Starnberg"));
        Assert.That(district.Get<string>("kind"), Is.EqualTo("landkreis"));
        Assert.That(district.Get<int>("municipalityCount"), Is.EqualTo(14));
        Assert.That(district.Get<double>("foreignShare"), Is.InRange(0.05, 0.3));
    }

    [TestCase("/api/v1/districts/0918", "key")]
    [TestCase("/api/v1/districts/abcde", "key")]
    [TestCase("/api/v1/districts?state=99", "state")]
    [TestCase("/api/v1/districts?state=9", "state")]
    [TestCase("/api/v1/districts?pageSize=0", "pageSize")]
    [TestCase("/api/v1/districts?pageSize=501", "pageSize")]
    [TestCase("/api/v1/districts?page=0", "page")]
    [TestCase("/api/v1/districts?page=abc", "page")]
    public async Task BadInput_IsAValidationProblem_NamingTheField(string url, string field) =>
        await (await client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest, field);

    [Test]
    public async Task UnknownDistrict_Is404Problem() =>
        await (await client.GetAsync("/api/v1/districts/09999")).ReadProblemAsync(HttpStatusCode.NotFound);
}
