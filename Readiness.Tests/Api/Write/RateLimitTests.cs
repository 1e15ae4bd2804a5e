using System.Net;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

public sealed class RateLimitTests
{
    private const int Reads = 5;
    private const int Writes = 3;

    private ReadinessFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory()
            .With("Readiness:RateLimit:ReadsPerWindow", Reads.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Readiness:RateLimit:WritesPerWindow", Writes.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Readiness:RateLimit:WindowSeconds", "600");
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Reads_OverTheLimit_AreToldInEnglish_WithAcceptLanguageEn()
    {
        var key = factory.CreateKey(Role.Reader);
        async Task<HttpResponseMessage> Read()
        {
            using var request = Request(HttpMethod.Get, "/api/v1/districts?state=09", key);
            request.Headers.AcceptLanguage.ParseAdd("en");
            return await client.SendAsync(request);
        }

        for (var i = 0; i < Reads; i++)
        {
            (await Read()).Dispose();
        }

        using var limited = await Read();
        var problem = await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(problem.Get<string>("title"), Is.EqualTo("Too many requests"));
        Assert.That(problem.Get<string>("detail"), Does.Contain($"{Reads} reads per 600 s"));
    }

    [Test]
    public async Task Reads_TheRequestAfterTheLimit_Gets429WithRetryAfter()
    {
        var key = factory.CreateKey(Role.Reader);
        for (var i = 0; i < Reads; i++)
        {
            using var ok = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/districts?state=09", key));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
        }

        using var limited = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/districts?state=09", key));

        var problem = await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 600));
        Assert.That(problem.Get<string>("detail"), Does.Contain($"{Reads} Leseanfragen"));

        using var otherKey = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/districts?state=09", factory.CreateKey(Role.Reader)));
        Assert.That(otherKey.StatusCode, Is.EqualTo(HttpStatusCode.OK), "each key has its own budget");

        using var health = await client.GetAsync("/health");
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK), "only /api is limited");
    }

    [Test]
    public async Task Reads_AfterTheWindow_HaveTheirBudgetAgain()
    {
        using var shortWindow = new ReadinessFactory()
            .With("Readiness:RateLimit:ReadsPerWindow", "2")
            .With("Readiness:RateLimit:WindowSeconds", "1");
        using var shortClient = shortWindow.CreateClient();
        var key = shortWindow.CreateKey(Role.Reader);
        async Task<HttpStatusCode> Read()
        {
            using var response = await shortClient.SendAsync(Request(HttpMethod.Get, "/api/v1/districts?state=09", key));
            return response.StatusCode;
        }

        var spent = new List<HttpStatusCode>();
        while (spent.Count < 10 && (spent.Count == 0 || spent[^1] != HttpStatusCode.TooManyRequests))
        {
            spent.Add(await Read());
        }

        Assert.That(spent[^1], Is.EqualTo(HttpStatusCode.TooManyRequests), "the budget of 2 ran out");
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.That(await Read(), Is.EqualTo(HttpStatusCode.OK), "a new window gives the key its budget again");
    }

    [Test]
    public async Task Writes_TheRequestAfterTheLimit_Gets429WithRetryAfter_AndWritesNothing()
    {
        var key = factory.CreateKey(Role.Planner);
        for (var i = 0; i < Writes; i++)
        {
            using var ok = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", key, Json(ValidBody(note: $"request {i}"))));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"request {i + 1}");
        }

        var before = factory.Written();

        using var limited = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", key, Json(ValidBody())));

        await limited.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.That(limited.Headers.RetryAfter?.Delta?.TotalSeconds, Is.InRange(1, 600));
        Assert.That(factory.Written(), Is.EqualTo(before));
    }
}
