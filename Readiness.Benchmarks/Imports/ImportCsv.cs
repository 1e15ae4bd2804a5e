using System.Globalization;
using System.Text;
using Readiness.Benchmarks.Sizes;

namespace Readiness.Benchmarks.Imports;

/// <summary>
/// A CSV as a German planner's spreadsheet writes it (<c>;</c>, decimal comma, ja/nein, UTF-8 with
/// BOM), with <c>rows</c> assessments over the given municipalities: each municipality gets one
/// assessment per reference date, dates counting back a day at a time, so no row repeats another.
/// About 4 % of the answers are left empty. Deterministic.
/// </summary>
internal static class ImportCsv
{
    private static readonly string[] Header =
    [
        "ags", "referenceDate", "contactPerson", "paidStaffFte", "network", "volunteerCoordination", "migrantCouncil",
        "integrationConcept", "councilResolution", "intermunicipalExchange", "integrationBudgetEur", "activeVolunteers",
        "volunteerAllowance", "migrantOrganisations", "yearsOfIntegrationWork", "note",
    ];

    public static byte[] Build(IReadOnlyList<string> ags, int rows, DateOnly latest)
    {
        var text = new StringBuilder(rows * 90);
        text.Append(string.Join(';', Header)).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var key = ags[i % ags.Count];
            var date = latest.AddDays(-(i / ags.Count));
            var random = new SyntheticRandom(7, string.Create(CultureInfo.InvariantCulture, $"{key}:{i}"));
            string Flag() => random.NextDouble() < 0.04 ? "" : random.NextDouble() < 0.5 ? "ja" : "nein";
            string Number(double value, string format) => random.NextDouble() < 0.04 ? "" : value.ToString(format, CultureInfo.GetCultureInfo("de-DE"));
            text.Append(key).Append(';').Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(';')
                .Append(Flag()).Append(';').Append(Number(Math.Round(random.NextDouble() * 3, 1), "0.0")).Append(';')
                .Append(Flag()).Append(';').Append(Flag()).Append(';').Append(Flag()).Append(';')
                .Append(Flag()).Append(';').Append(Flag()).Append(';').Append(Flag()).Append(';')
                .Append(Number(Math.Round(random.NextDouble() * 50_000), "0")).Append(';')
                .Append(Number(Math.Floor(random.NextDouble() * 80), "0")).Append(';')
                .Append(Flag()).Append(';')
                .Append(Number(Math.Floor(random.NextDouble() * 6), "0")).Append(';')
                .Append(Number(Math.Round(random.NextDouble() * 20, 1), "0.0")).Append(';')
                .Append(i % 50 == 0 ? "Umfrage 2025, Rücklauf geprüft" : "")
                .Append("\r\n");
        }

        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
