using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Readiness.Api.Exports;

/// <summary>
/// Writes the readiness export with Sep: UTF-8 with a BOM (so Excel shows umlauts), and by default
/// <c>;</c> with a decimal comma as a German spreadsheet expects; <c>,</c> with a decimal point for
/// <see cref="CsvLocaleDto.En"/>. Numbers never carry thousands separators.
/// </summary>
internal static class ReadinessCsv
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The columns holding AGS or keys with leading zeros, which Excel would read as numbers.</summary>
    private static readonly HashSet<string> KeyColumns = ["ags", "districtKey", "stateKey", "mentorAgs", "menteeAgs", "sharedServiceGroupId"];

    /// <param name="rows">The rows, in order.</param>
    /// <param name="locale">Separator and decimal mark.</param>
    /// <param name="excelText">Write the keys as <c>="09188117"</c>, which Excel shows as text with its leading zero.</param>
    public static byte[] Write(IReadOnlyList<ExportRowDto> rows, CsvLocaleDto locale, bool excelText = false)
    {
        var (separator, culture) = locale == CsvLocaleDto.En ? (',', CultureInfo.InvariantCulture) : (';', German);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(separator).Writer(o => o with { CultureInfo = culture, Escape = true }).To(text))
        {
            foreach (var name in ExportColumns.All.Select(c => c.Name))
            {
                writer.Header.Add(name);
            }

            foreach (var row in rows)
            {
                using var line = writer.NewRow();
                foreach (var (name, value) in ExportColumns.All)
                {
                    var col = line[name];
                    switch (value(row))
                    {
                        case null:
                            col.Set("");
                            break;
                        case double number:
                            col.Format(number);
                            break;
                        case int number:
                            col.Format(number);
                            break;
                        case long number:
                            col.Format(number);
                            break;
                        case string key when excelText && KeyColumns.Contains(name):
                            col.Set(string.Concat("=\"", key, "\""));
                            break;
                        case var other:
                            col.Set(Convert.ToString(other, CultureInfo.InvariantCulture));
                            break;
                    }
                }
            }
        }

        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
