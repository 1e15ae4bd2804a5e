using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Jobs;

/// <summary>The Hangfire dashboard: admins only, by key header or basic authentication; local requests only when configured.</summary>
public sealed class DashboardAccessTests
{
    private const string RemoteHeader = "X-Test-Remote-Address";

    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string admin = null!;
    private string planner = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory();
        client = WithRemoteAddress(factory).CreateClient();
        admin = factory.CreateKey(Role.Admin);
        planner = factory.CreateKey(Role.Planner);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Dashboard_Is401WithABasicChallenge_WithoutAKey()
    {
        using var response = await client.GetAsync("/hangfire");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Basic"));
    }

    [Test]
    public async Task Dashboard_Opens_WithAnAdminKeyInTheHeader()
    {
        using var response = await client.SendAsync(Request(HttpMethod.Get, "/hangfire/recurring", admin));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nightly-run"));
    }

    [Test]
    public async Task Dashboard_Is403_WithAPlannerKeyInTheHeader()
    {
        using var response = await client.SendAsync(Request(HttpMethod.Get, "/hangfire", planner));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Dashboard_Opens_WithAnAdminKeyAsTheBasicPassword_AndNotWithAPlannerKey()
    {
        using var asAdmin = await client.SendAsync(Basic(HttpMethod.Get, "/hangfire", admin));
        using var asPlanner = await client.SendAsync(Basic(HttpMethod.Get, "/hangfire", planner));
        using var wrong = await client.SendAsync(Basic(HttpMethod.Get, "/hangfire", "rdy_not-a-key"));

        Assert.That((asAdmin.StatusCode, asPlanner.StatusCode, wrong.StatusCode),
            Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
    }

    [Test]
    public async Task DashboardButtons_AreRefused_WithoutTheAntiforgeryToken()
    {
        // What a cross-site form would send with the credentials the browser remembers.
        using var response = await client.SendAsync(Basic(HttpMethod.Post, "/hangfire/recurring/trigger", admin,
            new FormUrlEncodedContent([new("jobs[]", "nightly-run")])));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task LocalRequests_NeedAKey_UnlessLocalAccessIsOn()
    {
        using var localDefault = await client.SendAsync(FromAddress("127.0.0.1"));
        Assert.That(localDefault.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "off by default");

        using var open = new ReadinessFactory().With("Readiness:Jobs:DashboardLocalAccess", "true");
        using var openClient = WithRemoteAddress(open).CreateClient();
        using var local = await openClient.SendAsync(FromAddress("127.0.0.1"));
        using var localV6 = await openClient.SendAsync(FromAddress("::1"));
        using var remote = await openClient.SendAsync(FromAddress("192.0.2.10"));

        Assert.That((local.StatusCode, localV6.StatusCode, remote.StatusCode),
            Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized)));
    }

    private static HttpRequestMessage Basic(HttpMethod method, string url, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{key}")));
        return request;
    }

    private static HttpRequestMessage FromAddress(string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add(RemoteHeader, address);
        return request;
    }

    /// <summary>The test server has no client address; this sets one from a header, as a connection would.</summary>
    private static WebApplicationFactory<Program> WithRemoteAddress(ReadinessFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFilter>()));

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(RemoteHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
