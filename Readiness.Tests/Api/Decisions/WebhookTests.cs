using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Jobs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>
/// An admin subscribes a receiver on 127.0.0.1 (loopback allowed by a setting) to run.published; after a run the
/// receiver has a delivery whose signature verifies with the secret, computed here independently of the service.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private Database database = null!;
    private HttpListener receiver = null!;
    private string admin = null!;
    private string hookUrl = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory().WithFastRuns();
        factory.With("Readiness:Webhooks:AllowLoopback", "true");
        client = factory.CreateClient();
        database = factory.Database();
        admin = factory.CreateKey(Role.Admin);
        hookUrl = $"http://127.0.0.1:{FreePort()}/hook/";
        receiver = new HttpListener();
        receiver.Prefixes.Add(hookUrl);
        receiver.Start();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        receiver.Close();
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task RunPublished_IsDelivered_WithASignatureThatVerifiesWithTheSecret()
    {
        var body = $$"""{"url": "{{hookUrl}}", "events": ["run.published"], "secret": "{{Secret}}"}""";
        using var registered = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/webhooks", admin, Json(body)));
        var subscription = await registered.ReadJsonAsync(HttpStatusCode.Created);

        var received = receiver.GetContextAsync();
        var run = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        Assert.That(run.Get<string>("status"), Is.EqualTo("succeeded"));
        var finished = await Task.WhenAny(received, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.That(finished, Is.SameAs(received), "no delivery within 60 s");

        var context = await received;
        string payload;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            payload = await reader.ReadToEndAsync();
        }

        var id = context.Request.Headers["webhook-id"]!;
        var timestamp = context.Request.Headers["webhook-timestamp"]!;
        var signature = context.Request.Headers["webhook-signature"]!;
        context.Response.StatusCode = 204;
        context.Response.Close();

        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{payload}")));
        Assert.That(signature.Split(' '), Does.Contain(expected));
        Assert.That(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).Within(120));
        var message = JsonNode.Parse(payload)!;
        Assert.That(message.Get<string>("type"), Is.EqualTo("run.published"));
        Assert.That(message["data"]!.Get<long>("runId"), Is.EqualTo(run.Get<long>("id")));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonNode delivery;
        do
        {
            await Task.Delay(200);
            var list = await (await client.SendAsync(Request(HttpMethod.Get, $"/api/v1/webhooks/{subscription.Get<long>("id")}/deliveries", admin)))
                .ReadJsonAsync(HttpStatusCode.OK);
            delivery = list.AsArray().Single()!;
        }
        while (delivery.Get<string>("status") == "pending" && DateTime.UtcNow < deadline);

        Assert.That(delivery.Get<string>("status"), Is.EqualTo("delivered"), delivery.ToJsonString());
        Assert.That(delivery.Get<string>("messageId"), Is.EqualTo(id));
    }

    [TestCase("https://10.1.2.3/hook")]
    [TestCase("https://192.168.0.10/hook")]
    [TestCase("https://[fd00::1]/hook")]
    [TestCase("ftp://partner.example/hook")]
    [TestCase("not a url")]
    public async Task Register_ToAPrivateOrBadUrl_Is400NamingUrl(string url)
    {
        var body = $$"""{"url": "{{url}}", "events": ["run.published"]}""";
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/webhooks", admin, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "url");
    }

    [Test]
    public async Task Register_WithAnUnknownEvent_Is400NamingEvents()
    {
        var body = $$"""{"url": "{{hookUrl}}", "events": ["run.exploded"]}""";
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/webhooks", admin, Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "events");
    }

    [Test]
    public async Task Register_AsPlanner_Is403()
    {
        var body = $$"""{"url": "{{hookUrl}}", "events": ["run.published"]}""";
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/webhooks", factory.CreateKey(Role.Planner, Starnberg), Json(body)));
        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
