using System.Net;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

public sealed class AuditEndpointTests
{
    [Test]
    public async Task Audit_IsNewestFirst_Paged_AndFiltered()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        var planner = factory.CreateKey(Role.Planner);
        var admin = factory.CreateKey(Role.Admin);
        foreach (var date in new[] { "2024-01-01", "2024-02-01", "2024-03-01" })
        {
            using var post = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", planner, Json(ValidBody(date))));
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using (var import = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/assessments/import", planner, Csv($"ags;referenceDate\n{Feldafing};2024-01-01\n"))))
        {
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var page = await (await client.SendAsync(Request(HttpMethod.Get, "/api/v1/audit?pageSize=2", admin))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(page.Get<int>("total"), Is.EqualTo(6), "2 keys created, 3 assessments, 1 import");
        Assert.That(page["items"]!.AsArray().Select(i => i!.Get<string>("action")), Is.EqualTo(new[] { "assessment.import", "assessment.create" }));
        var import0 = page["items"]![0]!;
        Assert.That(import0["changes"]!.Get<int>("rows"), Is.EqualTo(1));
        Assert.That(import0["changes"]!.Get<string>("batchId"), Is.EqualTo(import0.Get<string>("target")));

        var creates = await (await client.SendAsync(Request(HttpMethod.Get, "/api/v1/audit?action=assessment.create", admin))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(creates.Get<int>("total"), Is.EqualTo(3));

        var future = await (await client.SendAsync(Request(HttpMethod.Get, "/api/v1/audit?since=2999-01-01", admin))).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(future.Get<int>("total"), Is.Zero);

        using var bad = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/audit?since=yesterday", admin));
        await bad.ReadProblemAsync(HttpStatusCode.BadRequest, "since");
    }
}
