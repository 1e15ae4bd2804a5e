using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Hardening;

public sealed class DashboardRateLimitTests
{
    [Test]
    public async Task WrongKeys_AgainstTheDashboard_EndIn429_LikeWrites()
    {
        await using var factory = new ReadinessFactory().With("Readiness:RateLimit:WritesPerWindow", "5");
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:rdy_wrong{i}")));
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            }
        }

        Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(statuses.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests));

        using var api = await client.GetAsync("/api/v1/districts");
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the API's budgets are separate");
    }
}
