using System.Text.Json;
using Readiness.Api.Localization;

namespace Readiness.Api.Assessments;

/// <summary>An import file read into rows, with the problems of the file itself (header, encoding, syntax).</summary>
/// <param name="Rows">The data rows, each with its own errors.</param>
/// <param name="FileErrors">Problems that concern the whole file; no row is read then.</param>
/// <param name="Separator">The CSV separator found, or null for JSON.</param>
internal sealed record ParsedImport(IReadOnlyList<ImportRow> Rows, IReadOnlyList<CellError> FileErrors, char? Separator)
{
    public static ParsedImport FileError(string column, string? value, string message) => new([], [new CellError(column, value, message)], null);

    /// <summary>Reads a JSON array of objects, each with <c>ags</c>, <c>referenceDate</c>, the answers and an optional <c>note</c>.</summary>
    public static ParsedImport FromJson(ReadOnlyMemory<byte> body, DateOnly today, int maxRows)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return FileError("body", null, BodyProblems.NotJson(exception));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return FileError("body", null, Texts.Get("Import.ExpectedArray"));
            }

            if (document.RootElement.GetArrayLength() > maxRows)
            {
                return FileError("body", null, Texts.Format("Import.TooManyItems", maxRows));
            }

            var rows = new List<ImportRow>(document.RootElement.GetArrayLength());
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                rows.Add(JsonRows.ReadObject(element, ++number, today));
            }

            return new ParsedImport(rows, [], null);
        }
    }
}
