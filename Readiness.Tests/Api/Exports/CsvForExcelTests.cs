using System.Net;
using System.Text;
using Readiness.Tests.Api.Results;

namespace Readiness.Tests.Api.Exports;

/// <summary>The CSV stays plain for scripts; <c>excel=true</c> writes AGS and keys so that Excel keeps their leading zero.</summary>
public sealed class CsvForExcelTests : ResultsFixture
{
    [Test]
    public async Task Csv_ByDefault_HasPlainAgs_ForScripts()
    {
        var lines = await LinesAsync("/api/v1/export/readiness.csv?district=09188");
        Assert.That(lines[1], Does.StartWith("09188"), "a script reads the AGS as it is");
        Assert.That(lines.Skip(1).Any(l => l.Contains("=\"", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public async Task Csv_ForExcel_WritesKeysAsTextFormulas_AndNothingElse()
    {
        var plain = await LinesAsync("/api/v1/export/readiness.csv?district=09188");
        var excel = await LinesAsync("/api/v1/export/readiness.csv?district=09188&excel=true");

        Assert.That(excel[0], Is.EqualTo(plain[0]), "same header");
        Assert.That(excel, Has.Count.EqualTo(plain.Count));
        var first = excel[1].Split(';');
        Assert.That(first[0], Is.EqualTo("\"=\"\"09188113\"\"\""), "Excel reads =\"09188113\" and shows the text with its zero");
        Assert.That(first[3], Is.EqualTo("\"=\"\"09188\"\"\""), "the district key too");
        Assert.That(excel[1].Replace("\"=\"\"", "", StringComparison.Ordinal).Replace("\"\"\"", "", StringComparison.Ordinal), Is.EqualTo(plain[1]), "only the keys change");
    }

    [Test]
    public async Task Csv_ExcelNotABoolean_IsAProblem()
    {
        var response = await Client.GetAsync("/api/v1/export/readiness.csv?excel=maybe");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task<List<string>> LinesAsync(string url)
    {
        var bytes = await Client.GetByteArrayAsync(url);
        return [.. Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];
    }
}
