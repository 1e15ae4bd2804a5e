using System.Net;
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
    private LoopbackReceiver receiver = null!;
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
        receiver = new LoopbackReceiver();
        hookUrl = $"{receiver.BaseUrl}hook/";
    }

    [OneTimeTearDown]
    public void Stop()
    {
        receiver.Dispose();
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task RunPublished_IsDelivered_WithASignatureThatVerifiesWithTheSecret()
    {
        var body = $$"""{"url": "{{hookUrl}}", "events": ["run.published"], "secret": "{{Secret}}"}""";
        using var registered = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/webhooks", admin, Json(body)));
        var subscription = await registered.ReadJsonAsync(HttpStatusCode.Created);

        var run = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        Assert.That(run.Get<string>("status"), Is.EqualTo("succeeded"));
        var hook = (await receiver.WaitForAsync(r => r.Path == "/hook/")).Single();
        var (id, payload) = (hook.Id, hook.Body);

        // Verified here independently of the service: HMAC-SHA256 over "id.timestamp.body" with the secret's bytes.
        Assert.That(hook.SignedWith(Secret), Is.True, hook.Signature);
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
}
