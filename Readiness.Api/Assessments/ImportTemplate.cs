using System.Text;

namespace Readiness.Api.Assessments;

/// <summary>
/// The CSV template: the header and one example row, separated by <c>;</c> with a decimal comma,
/// which is what Excel and LibreOffice use in a German locale, as UTF-8 with a BOM so that they
/// show umlauts correctly.
/// </summary>
internal static class ImportTemplate
{
    public const char Separator = ';';

    public static readonly IReadOnlyList<string> Columns =
        ["ags", "referenceDate", .. AnswerFields.All.Select(f => f.Name), .. ProviderFields.All.Select(f => f.Name), "note"];

    private static readonly string[] Example =
    [
        "09188117", "2025-06-30",
        "ja", "0,5", "ja", "nein", "nein", "ja", "nein", "ja",
        "15000", "24", "ja", "2", "8,5",
        // Who provides contactPerson, paidStaffFte, volunteerCoordination, network, integrationConcept: empty is the municipality's own.
        "own", "own", "", "district", "",
        "Beispielzeile: Gemeinde Andechs, Stand Juni 2025 (vor dem Import löschen)",
    ];

    public static byte[] Bytes()
    {
        var text = string.Join(Separator, Columns) + "\r\n" + string.Join(Separator, Example) + "\r\n";
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];
    }
}
