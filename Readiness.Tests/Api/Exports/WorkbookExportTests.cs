using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Readiness.Tests.Api.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Exports;

/// <summary>The Excel export: the sheets a planner hands on, AGS as text, numbers as numbers, German by default.</summary>
public sealed class WorkbookExportTests : ResultsFixture
{
    private const string Starnberg = "/api/v1/export/readiness.xlsx?district=09188";

    [Test]
    public async Task Xlsx_Starnberg_HasTheGermanSheets_WithAgsAsText()
    {
        var response = await Client.GetAsync(Starnberg);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Does.Match(@"^readiness-09188-run-\d+\.xlsx$"));

        using var workbook = Open(await response.Content.ReadAsByteArrayAsync());
        Assert.That(SheetNames(workbook), Is.EqualTo(new[] { "Übersicht", "Gemeinden", "Patenschaften", "Kooperationsräume", "Empfehlungen" }));

        var municipalities = Rows(workbook, "Gemeinden");
        Assert.That(municipalities[0].Take(3).Select(c => c.Text), Is.EqualTo(new[] { "AGS", "Gemeinde", "Art" }));
        Assert.That(municipalities, Has.Count.EqualTo(15), "header and Starnberg's 14 municipalities");
        foreach (var row in municipalities.Skip(1))
        {
            Assert.That(row[0].IsText, Is.True, "the AGS is a text cell");
            Assert.That(row[0].Text, Does.Match("^09188[0-9]{3}$"));
            Assert.That(row[5].IsText, Is.False, "the population is a number");
            Assert.That(double.Parse(row[5].Text, CultureInfo.InvariantCulture), Is.GreaterThan(1000));
        }

        var overview = Rows(workbook, "Übersicht");
        Assert.That(overview.Select(r => r[0].Text), Does.Contain("Berechnungslauf").And.Contain("Bewertungsprofil").And.Contain("Hinweis"));
        Assert.That(overview.Single(r => r[0].Text == "Hinweis")[1].Text, Does.Contain("illustrativ"));
        Assert.That(Rows(workbook, "Empfehlungen").Skip(1).Select(r => r[7].Text), Has.All.Contains(" sollte "));
        Assert.That(Rows(workbook, "Patenschaften").Skip(1).Select(r => r[10].Text), Has.All.Contains("kann Erfahrungen an"));
        Assert.That(Rows(workbook, "Kooperationsräume").Skip(1).Select(r => r[0].Text), Has.All.Match("^09188-"));
    }

    [Test]
    public async Task Xlsx_TablesHaveAFrozenHeaderAndAnAutofilter()
    {
        using var workbook = Open(await Client.GetByteArrayAsync(Starnberg));
        foreach (var name in new[] { "Gemeinden", "Patenschaften", "Kooperationsräume", "Empfehlungen" })
        {
            var sheet = Worksheet(workbook, name);
            var pane = sheet.Descendants<Pane>().Single();
            Assert.That(pane.State?.Value, Is.EqualTo(PaneStateValues.Frozen), name);
            Assert.That(pane.TopLeftCell?.Value, Is.EqualTo("A2"), name);
            Assert.That(sheet.Descendants<AutoFilter>().Single().Reference?.Value, Does.StartWith("A1:"), name);
            Assert.That(sheet.Descendants<Column>().Select(c => c.Width?.Value ?? 0), Has.All.GreaterThan(3), name);
        }
    }

    [Test]
    public async Task Xlsx_InEnglish_HasEnglishSheetsAndHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Starnberg);
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var workbook = Open(await (await Client.SendAsync(request)).Content.ReadAsByteArrayAsync());

        Assert.That(SheetNames(workbook), Is.EqualTo(new[] { "Overview", "Municipalities", "Pairs", "Shared services", "Recommendations" }));
        Assert.That(Rows(workbook, "Municipalities")[0][1].Text, Is.EqualTo("Municipality"));
    }

    [Test]
    public async Task Xlsx_BadFilter_IsAProblem() =>
        await (await Client.GetAsync("/api/v1/export/readiness.xlsx?district=99999")).ReadProblemAsync(HttpStatusCode.BadRequest, "district");

    private static SpreadsheetDocument Open(byte[] bytes) => SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static List<string> SheetNames(SpreadsheetDocument workbook) =>
        [.. workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    private static Worksheet Worksheet(SpreadsheetDocument workbook, string name)
    {
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static List<List<(string Text, bool IsText)>> Rows(SpreadsheetDocument workbook, string name) =>
        [.. Worksheet(workbook, name).Descendants<Row>().Select(r => r.Elements<Cell>().Select(Value).ToList())];

    private static (string Text, bool IsText) Value(Cell cell) => cell.DataType?.Value == CellValues.InlineString
        ? (cell.InlineString!.InnerText, true)
        : (cell.CellValue?.Text ?? "", false);
}
