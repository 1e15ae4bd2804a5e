using System.Net;
using System.Text;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Hardening;

/// <summary>Text that cannot be text (lone surrogates, invalid UTF-8), broken CSV quoting, strings for numbers, control characters in queries: each a 400 naming the field.</summary>
public sealed class BadTextTests
{
    private const string Import = "/api/v1/assessments/import";

    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory().With("Readiness:RateLimit:WritesPerWindow", "100000");
        client = factory.CreateClient();
        admin = factory.CreateKey(Role.Admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Assessment_WithALoneSurrogateInTheNote_IsA400NamingNote()
    {
        var before = factory.Written();
        using var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", admin,
            Json("""{"referenceDate": "2025-06-30", "note":"\ud800"}""")));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "note");
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task Assessment_WithInvalidUtf8InTheNote_IsA400NamingNote()
    {
        var body = new ByteArrayContent([.. "{\"referenceDate\": \"2025-06-30\", \"note\":\"a"u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        body.Headers.ContentType = new("application/json");
        using var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", admin, body));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "note");
    }

    [Test]
    public async Task Assessment_WithALoneSurrogateInAFieldName_IsA400()
    {
        using var response = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", admin,
            Json("""{"referenceDate": "2025-06-30", "\udc00x": true}""")));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task WhatIf_WithALoneSurrogate_IsA400NamingTheField()
    {
        using var response = await client.PostAsync($"/api/v1/municipalities/{Andechs}/readiness/what-if", Json("""{"contactPerson":"\ud800"}"""));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "contactPerson");
    }

    [Test]
    public async Task JsonImport_WithALoneSurrogateInTheAgs_IsA400NamingRowAndField()
    {
        var before = factory.Written();
        using var response = await client.SendAsync(Request(HttpMethod.Post, Import, admin,
            Json("""[{"ags":"09188118","referenceDate":"2025-06-30"},{"ags":"\ud800","referenceDate":"2025-06-30","contactPerson":true}]""")));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "row 2: ags");
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task Profile_WithALoneSurrogate_IsA400()
    {
        using var response = await client.SendAsync(Request(HttpMethod.Put, "/api/v1/profiles/odd", admin, Json("""{"name":"\ud800"}""")));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task CsvImport_WithAnUnterminatedQuote_IsA400NamingTheRowWhereItOpened()
    {
        var csv = new StringBuilder("ags;referenceDate;contactPerson;note\n");
        csv.Append("09188117;2025-06-30;ja;fine\n");
        csv.Append("09188118;2025-06-30;ja;\"abc\n");
        csv.Append("09188113;2025-06-30;nein;x\n");
        csv.Append("09188120;2025-06-30;nein;y\n");
        var before = factory.Written();

        using var response = await client.SendAsync(Request(HttpMethod.Post, Import, admin, Csv(csv.ToString())));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "row 3: note");
        Assert.That(problem.ToJsonString(), Does.Contain("nie geschlossen"));
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task CsvImport_WithQuotedSeparatorsAndEscapedQuotes_StillImports()
    {
        var csv = "ags;referenceDate;note\n09188117;2025-06-29;\"a; \"\"b\"\"\nc\"\n";
        using var response = await client.SendAsync(Request(HttpMethod.Post, Import + "?dryRun=true", admin, Csv(csv)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Profile_WithAStringForANumber_IsA400NamingThePath()
    {
        var definition = (await (await client.GetAsync("/api/v1/profiles/default")).ReadJsonAsync(HttpStatusCode.OK))["definition"]!.AsObject();
        definition["name"] = "strings";
        definition["pillars"]![0]!["weight"] = "1";
        using var response = await client.SendAsync(Request(HttpMethod.Put, "/api/v1/profiles/strings", admin, Json(definition.ToJsonString())));
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "pillars[0].weight");
        Assert.That((await client.GetAsync("/api/v1/profiles/strings")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/api/v1/municipalities?q=%00", "q")]
    [TestCase("/api/v1/municipalities?q=M%C3%BCn%0Achen", "q")]
    [TestCase("/api/v1/districts?state=%1F", "state")]
    [TestCase("/api/v1/readiness?district=09188%7F", "district")]
    public async Task Query_WithControlCharacters_IsA400NamingTheParameter(string url, string parameter)
    {
        using var response = await client.GetAsync(url);
        await response.ReadProblemAsync(HttpStatusCode.BadRequest, parameter);
    }

    [Test]
    public async Task Query_WithUmlauts_StillAnswers()
    {
        using var response = await client.GetAsync("/api/v1/municipalities?q=M%C3%BCnchen");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
