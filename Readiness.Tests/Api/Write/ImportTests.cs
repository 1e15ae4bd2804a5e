using Readiness.Data;
using System.Net;
using System.Text;
using Dapper;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

[TestFixtureSource(typeof(Providers), nameof(Providers.Both))]
public sealed class ImportTests(DatabaseProvider provider)
{
    private const string Import = "/api/v1/assessments/import";

    private ReadinessFactory factory = null!;
    private HttpClient client = null!;
    private string planner = null!;
    private string admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory(provider: provider);
        client = factory.CreateClient();
        planner = factory.CreateKey(Role.Planner, Starnberg);
        admin = factory.CreateKey(Role.Admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client?.Dispose();
        factory?.Dispose();
    }

    private Task<HttpResponseMessage> Send(HttpContent content, string? key = null, string query = "") =>
        client.SendAsync(Request(HttpMethod.Post, Import + query, key ?? planner, content));

    [Test]
    public async Task Csv_WhoseLastRowIsBad_WritesNothing_AndNamesThatRow()
    {
        var csv = new StringBuilder("ags,referenceDate,paidStaffFte,network\n");
        foreach (var ags in new[] { "09188113", Andechs, Feldafing, "09188120", "09188121" })
        {
            csv.Append(ags).Append(",2025-01-15,1.5,true\n");
        }

        csv.Append("09188124,2025-01-15,lots,true\n");
        var before = factory.Written();

        using var response = await Send(Csv(csv.ToString()));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "row 7: paidStaffFte");
        Assert.That(problem.Get<int>("badRows"), Is.EqualTo(1));
        Assert.That(problem.Get<int>("rowsChecked"), Is.EqualTo(6));
        var row = problem["rows"]![0]!;
        Assert.That(row.Get<int>("row"), Is.EqualTo(7));
        Assert.That(row["errors"]![0]!.Get<string>("column"), Is.EqualTo("paidStaffFte"));
        Assert.That(row["errors"]![0]!.Get<string>("value"), Is.EqualTo("lots"));
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task Csv_GermanStyle_SemicolonsDecimalCommasJaNeinAndDottedDates_Parse()
    {
        var csv = $"AGS;referenceDate;paidStaffFte;integrationBudgetEur;contactPerson;network;yearsOfIntegrationWork;note\n"
            + $"{Andechs};30.06.2024;0,5;15000,50;ja;NEIN;8,5;Gemeinderatsbeschluss läuft\n"
            + $"{Feldafing};2024-06-30;;;Wahr;0;;\n"
            + ";;;;;;;\n";

        using var response = await Send(Csv(csv, bom: true));

        var result = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(result.Get<int>("rows"), Is.EqualTo(2), "the blank line is skipped");
        Assert.That(result.Get<string>("separator"), Is.EqualTo(";"));
        using var connection = factory.Database().Open();
        var stored = connection.QuerySingle<(double Fte, double Budget, long Contact, long Network, double Years, string Note, string RecordedBy)>(
            "SELECT paid_staff_fte, integration_budget_eur, contact_person, network, years_of_integration_work, note, recorded_by FROM assessments WHERE batch_id = @b AND ags = @a",
            new { b = result.Get<string>("batchId"), a = Andechs });
        Assert.That(stored, Is.EqualTo((0.5, 15000.5, 1L, 0L, 8.5, "Gemeinderatsbeschluss läuft", stored.RecordedBy)));
        Assert.That(stored.RecordedBy, Does.StartWith("import:test Planner"));
        var empty = connection.QuerySingle<(double? Fte, long? Contact)>(
            "SELECT paid_staff_fte, contact_person FROM assessments WHERE batch_id = @b AND ags = @a", new { b = result.Get<string>("batchId"), a = Feldafing });
        Assert.That(empty, Is.EqualTo(((double?)null, (long?)1)), "an empty cell is not answered");
    }

    [Test]
    public async Task Csv_WithCommasAndQuotedDecimalComma_AndBom_Parses()
    {
        using var response = await Send(Csv($"ags,referenceDate,paidStaffFte,note\n{Andechs},2024-03-01,\"1,25\",\"a note, with a comma\"\n", bom: true));

        var result = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(result.Get<string>("separator"), Is.EqualTo(","));
        using var connection = factory.Database().Open();
        Assert.That(connection.QuerySingle<double>("SELECT paid_staff_fte FROM assessments WHERE batch_id = @b", new { b = result.Get<string>("batchId") }), Is.EqualTo(1.25));
    }

    [Test]
    public async Task DryRun_ChecksButWritesNothing()
    {
        var before = factory.Written();

        using var response = await Send(Csv($"ags;referenceDate;network\n{Andechs};2024-02-01;ja\n{Feldafing};2024-02-01;nein\n"), query: "?dryRun=true");

        var result = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(result.Get<bool>("dryRun"), Is.True);
        Assert.That(result.Get<int>("rows"), Is.EqualTo(2));
        Assert.That(result["batchId"], Is.Null);
        Assert.That(factory.Written(), Is.EqualTo(before));

        using var bad = await Send(Csv($"ags;referenceDate;network\n{Andechs};2024-02-01;vielleicht\n"), query: "?dryRun=true");
        await bad.ReadProblemAsync(HttpStatusCode.BadRequest, "row 2: network");
    }

    [Test]
    public async Task JsonArray_Imports_AndReportsBadItemsByPosition()
    {
        var before = factory.Written();
        using var ok = await Send(Json($$"""[{"ags": "{{Andechs}}", "referenceDate": "2024-04-01", "contactPerson": true, "activeVolunteers": 7}, {"ags": "{{Feldafing}}", "referenceDate": "2024-04-01"}]"""));

        var result = await ok.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That((result.Get<int>("rows"), result.Get<int>("municipalities"), result.Get<string>("format")), Is.EqualTo((2, 2, "json")));
        Assert.That(factory.Written(), Is.EqualTo((before.Assessments + 2, before.Audit + 1)));

        using var bad = await Send(Json($$"""[{"ags": "{{Andechs}}", "referenceDate": "2024-05-01"}, {"ags": 9188118, "referenceDate": "2024-05-01", "colour": "blue"}]"""));
        var problem = await bad.ReadProblemAsync(HttpStatusCode.BadRequest, "row 2: ags");
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain("row 2: colour"));
    }

    [Test]
    public async Task UnknownAgs_RepeatedRows_AndUnknownColumns_AreReported()
    {
        using var rows = await Send(Csv($"ags;referenceDate\n09188999;2024-01-01\n{Andechs};2024-01-01\n{Andechs};2024-01-01\n"));
        var problem = await rows.ReadProblemAsync(HttpStatusCode.BadRequest, "row 2: ags");
        Assert.That(problem["errors"]!["row 4: referenceDate"]![0]!.GetValue<string>(), Does.Contain("Zeile 3"));

        using var header = await Send(Csv($"ags;referenceDate;paidStaff\n{Andechs};2024-01-01;1\n"));
        var headerProblem = await header.ReadProblemAsync(HttpStatusCode.BadRequest, "header");
        Assert.That(headerProblem["errors"]!["header"]![0]!.GetValue<string>(), Does.Contain("paidStaff"));
    }

    [Test]
    public async Task PlannerKey_RowsOutsideItsDistricts_Are403NamingTheRows()
    {
        var before = factory.Written();

        using var response = await Send(Csv($"ags;referenceDate\n{Andechs};2024-01-01\n09190111;2024-01-01\n09162000;2024-01-01\n"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.That(problem["rows"]!.AsArray().Select(r => r!.Get<int>("row")), Is.EqualTo(new[] { 3, 4 }));
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task HugeBody_Is413_AndWritesNothing()
    {
        var line = $"{Andechs};2024-01-01;;;;;;;;;;;;;;{new string('x', 1_000)}\n";
        var csv = new StringBuilder("ags;referenceDate;contactPerson;paidStaffFte;network;volunteerCoordination;migrantCouncil;integrationConcept;councilResolution;intermunicipalExchange;integrationBudgetEur;activeVolunteers;volunteerAllowance;migrantOrganisations;yearsOfIntegrationWork;note\n");
        while (csv.Length < 21 * 1024 * 1024)
        {
            csv.Append(line);
        }

        var before = factory.Written();

        using var response = await Send(Csv(csv.ToString()), admin);

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task NotUtf8_IsNamedAsSuch()
    {
        var latin1 = Encoding.Latin1.GetBytes($"ags;referenceDate;note\n{Andechs};2024-01-01;Gemeinderatsbeschluss läuft\n");
        using var content = new ByteArrayContent(latin1);
        content.Headers.ContentType = new("text/csv");

        using var response = await Send(content);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.That(problem["errors"]!["body"]![0]!.GetValue<string>(), Does.Contain("UTF-8"));
    }

    [Test]
    public async Task Template_HasBomAndSemicolons_AndImportsAsItIs()
    {
        using var response = await client.GetAsync("/api/v1/assessments/template.csv");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(bytes[..3], Is.EqualTo(Encoding.UTF8.Preamble.ToArray()));
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("ags;referenceDate;contactPerson;paidStaffFte;"));
        Assert.That(lines[1], Does.Contain("löschen"));

        using var import = await Send(new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } }, query: "?dryRun=true");
        var result = await import.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(result.Get<int>("rows"), Is.EqualTo(1));
    }

    [Test]
    public async Task EmptyFile_And_WrongContentType_AreProblems()
    {
        using var empty = await Send(Csv(""));
        await empty.ReadProblemAsync(HttpStatusCode.BadRequest, "body");

        using var headerOnly = await Send(Csv("ags;referenceDate\n"));
        await headerOnly.ReadProblemAsync(HttpStatusCode.BadRequest, "body");

        using var xml = await Send(new StringContent("<rows/>", Encoding.UTF8, "application/xml"));
        await xml.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task MoreRowsThanTheLimit_OrAHeaderOfGarbage_IsOneProblem()
    {
        await using var small = new ReadinessFactory(provider: provider).With("Readiness:Import:MaxRows", "2");
        using var smallClient = small.CreateClient();
        var key = small.CreateKey(Role.Admin);

        using var tooMany = await smallClient.SendAsync(Request(HttpMethod.Post, Import, key,
            Csv($"ags;referenceDate\n{Andechs};2024-01-01\n{Feldafing};2024-01-01\n09188120;2024-01-01\n")));
        var problem = await tooMany.ReadProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.That(problem["errors"]!["body"]![0]!.GetValue<string>(), Does.Contain("mehr als 2 Zeilen"));

        using var garbage = await smallClient.SendAsync(Request(HttpMethod.Post, Import, key, Csv(new string(';', 5_000) + "\nx\n")));
        var header = await garbage.ReadProblemAsync(HttpStatusCode.BadRequest, "header");
        Assert.That(header["errors"]!["header"]!.AsArray(), Has.Count.EqualTo(21));
    }
}
