using System.Net;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Hardening;

/// <summary>Retries without duplicates: the Idempotency-Key header on the writes, and identical assessments recognised without it.</summary>
public sealed class IdempotencyTests
{
    private const string Import = "/api/v1/assessments/import";
    private const string Single = $"/api/v1/municipalities/{Andechs}/assessments";

    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string planner = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory().With("Readiness:RateLimit:WritesPerWindow", "100000");
        client = factory.CreateClient();
        planner = factory.CreateKey(Role.Planner, Starnberg);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    private Task<HttpResponseMessage> Post(string url, HttpContent content, string? idempotencyKey)
    {
        var request = Request(HttpMethod.Post, url, planner, content);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private static string Csv3(string date, string note) =>
        $"ags;referenceDate;contactPerson;paidStaffFte;note\n09188113;{date};ja;0,5;{note}\n{Andechs};{date};nein;1;{note}\n{Feldafing};{date};ja;;{note}\n";

    [Test]
    public async Task Import_PostedTwiceWithOneKey_StoresItsRowsOnce_AndAnswersTheFirstAnswerAgain()
    {
        var key = Guid.NewGuid().ToString();
        var before = factory.Written();

        using var first = await Post(Import, Csv(Csv3("2025-03-01", "k1")), key);
        var firstBody = await first.Content.ReadAsStringAsync();
        using var second = await Post(Import, Csv(Csv3("2025-03-01", "k1")), key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), firstBody);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(firstBody));
        Assert.That(factory.Written(), Is.EqualTo((before.Assessments + 3, before.Audit + 1)));
    }

    [Test]
    public async Task SameKey_WithAnotherBody_Is422_AndWritesNothing()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await Post(Import, Csv(Csv3("2025-03-02", "k2")), key);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var before = factory.Written();

        using var second = await Post(Import, Csv(Csv3("2025-03-02", "other")), key);

        await second.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task SingleAssessment_PostedTwiceWithOneKey_Is201Twice_WithOneRow()
    {
        var key = Guid.NewGuid().ToString();
        var before = factory.Written();

        using var first = await Post(Single, Json(ValidBody("2025-03-03")), key);
        using var second = await Post(Single, Json(ValidBody("2025-03-03")), key);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(await second.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(factory.Written(), Is.EqualTo((before.Assessments + 1, before.Audit + 1)));
    }

    [Test]
    public async Task ConcurrentRetries_WithOneKey_WriteOnce()
    {
        var key = Guid.NewGuid().ToString();
        var before = factory.Written();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Post(Import, Csv(Csv3("2025-03-04", "race")), key)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That((await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))).Distinct().Count(), Is.EqualTo(1));
        Assert.That(factory.Written(), Is.EqualTo((before.Assessments + 3, before.Audit + 1)));
    }

    [TestCase("")]
    [TestCase("with space")]
    public async Task AnInvalidKey_IsA400NamingTheHeader(string key)
    {
        var before = factory.Written();
        var request = Request(HttpMethod.Post, Single, planner, Json(ValidBody("2025-03-05")));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key.Length == 0 ? new string('x', 256) : key);

        using var response = await client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task WithoutAKey_AnIdenticalAssessment_IsADuplicate_NotStoredAgain()
    {
        using var first = await Post(Single, Json(ValidBody("2025-03-06")), null);
        var stored = await first.ReadJsonAsync(HttpStatusCode.Created);
        var before = factory.Written();

        using var again = await Post(Single, Json(ValidBody("2025-03-06")), null);

        var duplicate = await again.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(duplicate.Get<long>("id"), Is.EqualTo(stored.Get<long>("id")));
        Assert.That(factory.Written(), Is.EqualTo(before));

        using var changed = await Post(Single, Json(ValidBody("2025-03-06").Replace("\"activeVolunteers\": 12", "\"activeVolunteers\": 13", StringComparison.Ordinal)), null);
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Created), "other answers on the same day are a new assessment");
    }

    [Test]
    public async Task WithoutAKey_AnImportSentAgain_CountsItsRowsAsDuplicates()
    {
        using var first = await Post(Import, Csv(Csv3("2025-03-07", "again")), null);
        Assert.That((await first.ReadJsonAsync(HttpStatusCode.OK)).Get<int>("rows"), Is.EqualTo(3));
        var before = factory.Written();

        using var dry = await Post(Import + "?dryRun=true", Csv(Csv3("2025-03-07", "again")), null);
        using var again = await Post(Import, Csv(Csv3("2025-03-07", "again")), null);

        var dryResult = await dry.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That((dryResult.Get<int>("rows"), dryResult.Get<int>("duplicates")), Is.EqualTo((0, 3)));
        var result = await again.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That((result.Get<int>("rows"), result.Get<int>("duplicates")), Is.EqualTo((0, 3)));
        Assert.That(factory.Written().Assessments, Is.EqualTo(before.Assessments));
    }
}
