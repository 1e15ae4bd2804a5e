using System.Net;
using System.Text.Json.Nodes;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>
/// pairing-candidates shows each candidate's decision, which changes without a new run: a client holding the answer from
/// before a decision must not get 304 after it.
/// </summary>
public sealed class CandidateETagTests
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

    [TestCase("de", 0)]
    [TestCase("en", 1)]
    public async Task Candidates_AfterADecision_AreNotModifiedNoLonger_AndShowTheDecision(string language, int pair)
    {
        // The district's proposed pairs, one per case: its mentee has a candidate (the chosen one) without a decision.
        var page = await (await client.GetAsync($"/api/v1/pairings?district={Starnberg}&pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);
        var mentee = page["items"]!.AsArray()[pair]!["mentee"]!.Get<string>("ags");
        var url = $"/api/v1/municipalities/{mentee}/pairing-candidates";
        using var before = await Get(url, language, null);
        var etag = before.Headers.ETag!.ToString();
        var candidate = (await before.ReadJsonAsync(HttpStatusCode.OK))["candidates"]!.AsArray().First(c => c!.Get<bool>("chosen"))!;
        Assert.That(candidate["decision"], Is.Null);
        using (var unchanged = await Get(url, language, etag))
        {
            Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "nothing changed yet");
        }

        var mentor = candidate["mentor"]!.Get<string>("ags");
        var decision = $$"""{"mentee": "{{mentee}}", "mentor": "{{mentor}}", "decision": "pinned", "date": "2026-01-15"}""";
        using (var decided = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", factory.CreateKey(Role.Planner, Starnberg), Json(decision))))
        {
            Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Created), await decided.Content.ReadAsStringAsync());
        }

        using var after = await Get(url, language, etag);
        var answer = await after.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(answer["candidates"]!.AsArray().Single(c => c!["mentor"]!.Get<string>("ags") == mentor)!.Get<string>("decision"), Is.EqualTo("pinned"));
        Assert.That(after.Headers.ETag!.ToString(), Is.Not.EqualTo(etag));
        using var again = await Get(url, language, after.Headers.ETag!.ToString());
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "the new ETag validates while nothing changes");
    }

    private Task<HttpResponseMessage> Get(string url, string language, string? ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", language);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return client.SendAsync(request);
    }
}
