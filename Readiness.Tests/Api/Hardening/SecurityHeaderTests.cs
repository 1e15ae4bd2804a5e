using System.Net;
using Readiness.Api.Infrastructure;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Hardening;

public sealed class SecurityHeaderTests
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

    [TestCase("/api/v1/districts", HttpStatusCode.OK)]
    [TestCase("/swagger/index.html", HttpStatusCode.OK)]
    [TestCase("/swagger/v1/swagger.json", HttpStatusCode.OK)]
    [TestCase("/api/v1/municipalities/00000000", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/no-such-path", HttpStatusCode.NotFound)]
    [TestCase("/hangfire", HttpStatusCode.Unauthorized)]
    [TestCase("/health", HttpStatusCode.OK)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(SecurityHeaders.ContentSecurityPolicy));
        Assert.That(response.Headers.Contains("Server"), Is.False);
        Assert.That(response.Headers.Contains("Strict-Transport-Security"), Is.False, "HSTS only over HTTPS");
    }

    [Test]
    public async Task OverHttps_HstsIsSent()
    {
        using var https = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://readiness.example") });
        using var response = await https.GetAsync("/api/v1/districts");
        Assert.That(response.Headers.GetValues("Strict-Transport-Security").Single(), Does.StartWith("max-age=31536000"));
    }
}
