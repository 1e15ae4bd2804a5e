using System.Net;
using Dapper;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

/// <summary>Issue 15, item 3: who provides a structure (own, administrativeUnion, district) in the single POST, both imports and the template.</summary>
public sealed class ProviderFieldTests : Results.ResultsFixture
{
    private string planner = null!;

    [OneTimeSetUp]
    public void CreateKey() => planner = Factory.CreateKey(Role.Planner, Starnberg);

    private Task<HttpResponseMessage> Post(string ags, string json) =>
        Client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{ags}/assessments", planner, Json(json)));

    private Task<HttpResponseMessage> Import(HttpContent content) =>
        Client.SendAsync(Request(HttpMethod.Post, "/api/v1/assessments/import", planner, content));

    private string? StoredProvider(long id, string column)
    {
        using var connection = Factory.Database().Open();
        return connection.ExecuteScalar<string?>($"SELECT {column} FROM assessments WHERE id = @id", new { id });
    }

    [Test]
    public async Task Post_StoresSharedProviders_AndAnAbsentOneIsOwn()
    {
        using var response = await Post(Andechs, """
            {"referenceDate": "2025-03-01", "contactPerson": true, "contactPersonProvider": "district",
             "network": true, "networkProvider": "administrativeUnion", "paidStaffFte": 0.5, "volunteerCoordination": false, "note": "providers"}
            """);

        var body = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.That(body.Get<string>("contactPersonProvider"), Is.EqualTo("district"));
        Assert.That(body.Get<string>("networkProvider"), Is.EqualTo("administrativeUnion"));
        Assert.That(body.Get<string>("paidStaffFteProvider"), Is.EqualTo("own"), "left out: the municipality's own");
        Assert.That(body["volunteerCoordinationProvider"], Is.Null, "no structure, no provider");
        var id = body.Get<long>("id");
        Assert.That(StoredProvider(id, "contact_person_provider"), Is.EqualTo("district"));
        Assert.That(StoredProvider(id, "network_provider"), Is.EqualTo("administrativeUnion"));
        Assert.That(StoredProvider(id, "paid_staff_fte_provider"), Is.Null);
    }

    [Test]
    public async Task Post_SameAnswersWithAnotherProvider_IsNoDuplicate()
    {
        const string Own = """{"referenceDate": "2025-02-01", "contactPerson": true, "note": "dup"}""";
        const string Shared = """{"referenceDate": "2025-02-01", "contactPerson": true, "contactPersonProvider": "administrativeUnion", "note": "dup"}""";
        using var first = await Post(Feldafing, Own);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var second = await Post(Feldafing, Shared);
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a shared contact person is another answer than an own one");
        using var again = await Post(Feldafing, Shared);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the identical one is the duplicate");
    }

    [TestCase("""{"referenceDate": "2025-01-01", "contactPerson": true, "contactPersonProvider": "landkreis-x"}""", "contactPersonProvider")]
    [TestCase("""{"referenceDate": "2025-01-01", "network": true, "networkProvider": 2}""", "networkProvider")]
    [TestCase("""{"referenceDate": "2025-01-01", "contactPerson": false, "contactPersonProvider": "district"}""", "contactPersonProvider")]
    [TestCase("""{"referenceDate": "2025-01-01", "paidStaffFte": 0, "paidStaffFteProvider": "administrativeUnion"}""", "paidStaffFteProvider")]
    public async Task Post_BadProvider_Is400NamingTheField_InGerman(string json, string field)
    {
        var before = Factory.Written();
        using var response = await Post(Andechs, json);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.That(problem.Get<string>("title"), Is.EqualTo("Eine oder mehrere Angaben sind ungültig."), "German by default");
        Assert.That(Factory.Written(), Is.EqualTo(before));
    }

    [Test]
    public async Task CsvImport_ReadsProviderColumns_InMachineAndOfficeWords()
    {
        var csv = $"ags;referenceDate;contactPerson;contactPersonProvider;network;networkProvider\n"
            + $"{Andechs};2024-05-01;ja;VG;ja;Landratsamt\n{Feldafing};2024-05-01;ja;;ja;district\n";
        using var response = await Import(Csv(csv));
        var result = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(result.Get<int>("rows"), Is.EqualTo(2));

        using var connection = Factory.Database().Open();
        var stored = connection.Query<(string Ags, string? Contact, string? Network)>(
            "SELECT ags, contact_person_provider, network_provider FROM assessments WHERE batch_id = @batch ORDER BY ags",
            new { batch = result.Get<string>("batchId") }).ToList();
        Assert.That(stored, Is.EqualTo(new[] { (Andechs, (string?)"administrativeUnion", (string?)"district"), (Feldafing, null, "district") }));
    }

    [Test]
    public async Task CsvImport_UnknownProvider_NamesRowAndColumn()
    {
        using var response = await Import(Csv($"ags;referenceDate;contactPerson;contactPersonProvider\n{Andechs};2024-06-01;ja;Nachbargemeinde\n"));

        await response.ReadProblemAsync(HttpStatusCode.BadRequest, "row 2: contactPersonProvider");
    }

    [Test]
    public async Task JsonImport_ReadsProviders()
    {
        using var response = await Import(Json($$"""
            [{"ags": "{{Andechs}}", "referenceDate": "2024-07-01", "integrationConcept": true, "integrationConceptProvider": "district"}]
            """));
        var result = await response.ReadJsonAsync(HttpStatusCode.OK);

        using var connection = Factory.Database().Open();
        Assert.That(connection.ExecuteScalar<string?>("SELECT integration_concept_provider FROM assessments WHERE batch_id = @batch",
            new { batch = result.Get<string>("batchId") }), Is.EqualTo("district"));

        using var bad = await Import(Json($$"""[{"ags": "{{Andechs}}", "referenceDate": "2024-07-02", "network": true, "networkProvider": "somebody"}]"""));
        await bad.ReadProblemAsync(HttpStatusCode.BadRequest, "row 1: networkProvider");
    }

    [Test]
    public async Task Template_NamesTheProviderColumns()
    {
        var text = await Client.GetStringAsync("/api/v1/assessments/template.csv");
        var header = text.TrimStart('\uFEFF').Split("\r\n")[0].Split(';');

        Assert.That(header, Is.SupersetOf(new[]
        {
            "contactPersonProvider", "paidStaffFteProvider", "volunteerCoordinationProvider", "networkProvider", "integrationConceptProvider",
        }));
    }
}
