using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Jobs;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Decisions;

/// <summary>
/// pairing.decided, measure.changed and measure.overdue reach a loopback receiver signed with the subscription's secret;
/// a receiver that fails is tried again with growing delays (through Hangfire) until it answers or the tries run out,
/// and the delivery log says so. The secret is stored protected, never as given.
/// </summary>
// Mostly waiting on processes, runs or retry delays of its own: runs beside the other fixtures marked so (the suite's longest).
[Parallelizable]
public sealed class WebhookDeliveryTests
{
    private const string Secret = "whsec_QWxsZSBtZWluZSBFbnRjaGVuIHNjaHdpbW1lbiBhdWY=";
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private Database database = null!;
    private LoopbackReceiver receiver = null!;
    private string admin = null!;
    private string planner = null!;
    private JsonNode good = null!;
    private JsonNode flaky = null!;
    private JsonNode down = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = new ReadinessFactory().WithFastRuns()
            .With("Readiness:Webhooks:AllowLoopback", "true")
            .With("Readiness:Webhooks:FirstRetrySeconds", "1")
            .With("Readiness:Webhooks:MaxAttempts", "3");
        client = factory.CreateClient();
        database = factory.Database();
        admin = factory.CreateKey(Role.Admin);
        planner = factory.CreateKey(Role.Planner, Starnberg);
        receiver = new LoopbackReceiver();
        good = await RegisterAsync($$"""{"url": "{{receiver.BaseUrl}}good/", "events": ["pairing.decided", "measure.changed", "measure.overdue"], "secret": "{{Secret}}"}""");
        flaky = await RegisterAsync($$"""{"url": "{{receiver.BaseUrl}}flaky/", "events": ["pairing.decided"]}""");
        down = await RegisterAsync($$"""{"url": "{{receiver.BaseUrl}}down/", "events": ["pairing.decided"]}""");

        var decision = """{"mentee": "09188117", "mentor": "09188132", "decision": "pinned", "date": "2026-01-15", "reason": "Nachbarn"}""";
        using var decided = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/pairings/decisions", planner, Json(decision)));
        Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.Created), await decided.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        receiver.Dispose();
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task PairingDecided_IsDelivered_Signed()
    {
        var hook = (await receiver.WaitForAsync(r => r.Path == "/good/" && Type(r) == "pairing.decided")).Single();
        Assert.That(hook.SignedWith(Secret), Is.True, hook.Signature);
        var data = JsonNode.Parse(hook.Body)!["data"]!;
        Assert.That((data.Get<string>("mentee"), data.Get<string>("mentor"), data.Get<string>("decision")), Is.EqualTo(("09188117", "09188132", "pinned")));
    }

    [Test]
    public async Task MeasureChanged_IsDelivered_OnCreateAndOnPatch_Signed()
    {
        var body = """{"title": "Ehrenamtskoordination", "fieldOfAction": "Wohnen", "addressee": {"kind": "district-office"}, "dueDate": "2030-06-30"}""";
        using var created = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/districts/{Starnberg}/measures", planner, Json(body)));
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).Get<long>("id");
        var patch = Request(HttpMethod.Patch, created.Headers.Location!.ToString(), planner, Json("""{"status": "in-progress"}"""));
        patch.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        using (var patched = await client.SendAsync(patch))
        {
            await patched.ReadJsonAsync(HttpStatusCode.OK);
        }

        var hooks = await receiver.WaitForAsync(r => r.Path == "/good/" && Type(r) == "measure.changed" && Data(r).Get<long>("id") == id, count: 2);
        Assert.That(hooks.All(h => h.SignedWith(Secret)), Is.True);
        Assert.That(hooks.Select(h => Data(h).Get<string>("status")), Is.EquivalentTo(new[] { "planned", "in-progress" }));
        Assert.That(hooks.Select(h => h.Id).Distinct().Count(), Is.EqualTo(2), "two events, two message ids");
    }

    [Test]
    public async Task MeasureOverdue_IsDelivered_AfterTheRunThatNoticedIt()
    {
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var body = $$"""{"title": "Integrationskonzept beschließen", "fieldOfAction": "Wohnen", "addressee": {"kind": "steering-committee"}, "dueDate": "{{yesterday}}", "consequence": "Bericht im Kreistag"}""";
        using var created = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/districts/{Starnberg}/measures", planner, Json(body)));
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created)).Get<long>("id");

        var run = await client.WaitForRunAsync(database, await client.StartRunAsync(admin));
        Assert.That(run.Get<string>("status"), Is.EqualTo("succeeded"), run.ToJsonString());

        var hook = (await receiver.WaitForAsync(r => r.Path == "/good/" && Type(r) == "measure.overdue" && Data(r)["measure"]!.Get<long>("id") == id)).Single();
        Assert.That(hook.SignedWith(Secret), Is.True);
        Assert.That(Data(hook).Get<long>("runId"), Is.EqualTo(run.Get<long>("id")));
        Assert.That(Data(hook)["measure"]!.Get<string>("consequence"), Is.EqualTo("Bericht im Kreistag"));
    }

    [Test]
    public async Task FailingReceiver_IsTriedAgainWithGrowingDelays_UntilItAnswers()
    {
        var tries = await receiver.WaitForAsync(r => r.Path == "/flaky/", count: 3);
        Assert.That(tries.Select(t => t.AnsweredWith), Is.EqualTo(new[] { 500, 500, 204 }));
        Assert.That(tries.Select(t => t.Id).Distinct().Count(), Is.EqualTo(1), "every try carries the same webhook-id");
        Assert.That(tries.All(t => t.SignedWith(flaky.Get<string>("secret"))), Is.True, "each try signed anew with the generated secret");
        var (first, second) = (tries[1].At - tries[0].At, tries[2].At - tries[1].At);
        Assert.That(first, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)), "the first retry waits FirstRetrySeconds");
        Assert.That(second, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(3.9)), "the next waits four times as long");

        var log = await DeliveryAsync(flaky, d => d.Get<string>("status") != "pending");
        Assert.That((log.Get<string>("status"), log.Get<long>("attempts"), log.Get<long>("lastStatusCode")), Is.EqualTo(("delivered", 3L, 204L)));
        Assert.That(log.Get<string>("messageId"), Is.EqualTo(tries[0].Id));
    }

    [Test]
    public async Task ReceiverThatNeverAnswers_IsMarkedFailed_AfterTheLastTry()
    {
        var log = await DeliveryAsync(down, d => d.Get<string>("status") != "pending");
        Assert.That((log.Get<string>("status"), log.Get<long>("attempts"), log.Get<long>("lastStatusCode")), Is.EqualTo(("failed", 3L, 500L)));
        Assert.That(receiver.Received.Count(r => r.Path == "/down/"), Is.EqualTo(3), "no try after the last");
    }

    [Test]
    public async Task Secret_IsStoredProtected_AndNeverListed()
    {
        using (var connection = database.Open())
        {
            var stored = connection.QuerySingle<string>("SELECT secret FROM webhook_subscriptions WHERE id = @id", new { id = good.Get<long>("id") });
            Assert.That(stored, Is.Not.EqualTo(Secret));
            Assert.That(stored, Does.Not.Contain(Secret["whsec_".Length..]));
            Assert.That(stored, Does.Not.Contain(Convert.ToHexString(Convert.FromBase64String(Secret["whsec_".Length..]))).IgnoreCase);
        }

        var listed = await (await client.SendAsync(Request(HttpMethod.Get, "/api/v1/webhooks", admin))).Content.ReadAsStringAsync();
        Assert.That(listed, Does.Contain(receiver.BaseUrl));
        Assert.That(listed, Does.Not.Contain("whsec_"));
        Assert.That(good.Get<string>("secret"), Is.EqualTo(Secret), "shown once, in the answer to the registration");
    }

    private static string Type(ReceivedHook hook) => JsonNode.Parse(hook.Body)!.Get<string>("type");

    private static JsonNode Data(ReceivedHook hook) => JsonNode.Parse(hook.Body)!["data"]!;

    private async Task<JsonNode> RegisterAsync(string body)
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/webhooks", admin, Json(body)));
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>The subscription's single delivery from the log endpoint, once <paramref name="done"/> holds (within 60 s).</summary>
    private async Task<JsonNode> DeliveryAsync(JsonNode subscription, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var list = await (await client.SendAsync(Request(HttpMethod.Get, $"/api/v1/webhooks/{subscription.Get<long>("id")}/deliveries", admin)))
                .ReadJsonAsync(HttpStatusCode.OK);
            var delivery = list.AsArray().Single()!;
            if (done(delivery) || DateTime.UtcNow > deadline)
            {
                return delivery;
            }

            await Task.Delay(250);
        }
    }
}
