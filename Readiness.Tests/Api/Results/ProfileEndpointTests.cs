using System.Net;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Api.Write;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

public sealed class ProfileEndpointTests
{
    [Test]
    public async Task Profiles_CanBeRead_AndAnAdminCreatesOneThatScoresOnRequest()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        var admin = factory.CreateKey(Role.Admin);
        var planner = factory.CreateKey(Role.Planner);

        var list = (await (await client.GetAsync("/api/v1/profiles")).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.That(list.Select(p => p!.Get<string>("name")), Does.Contain("default"));
        var definition = (await (await client.GetAsync("/api/v1/profiles/default")).ReadJsonAsync(HttpStatusCode.OK))["definition"]!.AsObject();

        // A structures-only profile: resources and experience weigh nothing.
        definition["name"] = "structures-only";
        definition["nightly"] = false;
        foreach (var pillar in definition["pillars"]!.AsArray())
        {
            pillar!["weight"] = pillar.Get<string>("key") == "structures" ? 1 : 0;
        }

        var body = definition.ToJsonString();
        await (await client.SendAsync(WriteSupport.Request(HttpMethod.Put, "/api/v1/profiles/structures-only", null, WriteSupport.Json(body))))
            .ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.SendAsync(WriteSupport.Request(HttpMethod.Put, "/api/v1/profiles/structures-only", planner, WriteSupport.Json(body))))
            .ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.That((await client.GetAsync("/api/v1/profiles/structures-only")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var created = await (await client.SendAsync(WriteSupport.Request(HttpMethod.Put, "/api/v1/profiles/structures-only", admin, WriteSupport.Json(body))))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.That(created.Get<long>("version"), Is.EqualTo(1));
        var updated = await (await client.SendAsync(WriteSupport.Request(HttpMethod.Put, "/api/v1/profiles/structures-only", admin, WriteSupport.Json(body))))
            .ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(updated.Get<long>("version"), Is.EqualTo(2));

        var readiness = await (await client.GetAsync("/api/v1/municipalities/09188139/readiness?profile=structures-only")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(readiness.Get<string>("profile"), Is.EqualTo("structures-only"));
        var structures = readiness["pillars"]!.AsArray().Single(p => p!.Get<string>("key") == "structures")!;
        if (readiness["score"] is not null)
        {
            Assert.That(readiness.Get<double>("score"), Is.EqualTo(structures.Get<double>("score")).Within(0.01), "only the structures pillar counts");
        }

        Assert.That(factory.Count("audit_log WHERE action = 'profile.update'"), Is.EqualTo(2));
    }

    // Floor above target; developing above established (reported on the threshold that is out of order).
    [TestCase("indicators[0].floor", 5.0, "indicators[0].floor")]
    [TestCase("tiers.developing", 90.0, "tiers.established")]
    public async Task Put_AnInvalidProfile_IsAValidationProblem_NamingThePath(string path, double value, string reported)
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        var admin = factory.CreateKey(Role.Admin);
        var definition = (await (await client.GetAsync("/api/v1/profiles/default")).ReadJsonAsync(HttpStatusCode.OK))["definition"]!.AsObject();
        definition.Remove("name");
        if (path.StartsWith("indicators", StringComparison.Ordinal))
        {
            definition["indicators"]![0]!["floor"] = value;
        }
        else
        {
            definition["tiers"]!["developing"] = value;
        }

        var problem = await (await client.SendAsync(WriteSupport.Request(HttpMethod.Put, "/api/v1/profiles/broken", admin, WriteSupport.Json(definition.ToJsonString()))))
            .ReadProblemAsync(HttpStatusCode.BadRequest, reported);
        Assert.That(problem["errors"]![reported]!.AsArray(), Is.Not.Empty);
        Assert.That((await client.GetAsync("/api/v1/profiles/broken")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing stored");
    }

    [TestCase("""{"name": "x", "unknownField": 1}""", "unknownField")]
    [TestCase("""{"coverageFloor": "high"}""", "coverageFloor")]
    [TestCase("", "body")]
    public async Task Put_MalformedBodies_AreValidationProblems(string body, string field)
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        var admin = factory.CreateKey(Role.Admin);

        await (await client.SendAsync(WriteSupport.Request(HttpMethod.Put, "/api/v1/profiles/x", admin, WriteSupport.Json(body))))
            .ReadProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Test]
    public async Task Get_UnknownProfile_Is404()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        await (await client.GetAsync("/api/v1/profiles/nope")).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
