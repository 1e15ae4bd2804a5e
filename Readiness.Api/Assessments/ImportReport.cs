using Readiness.Api.Localization;

namespace Readiness.Api.Assessments;

/// <summary>A bad row in an import's problem: its number, its AGS if readable, and each bad value.</summary>
/// <param name="Row">CSV: the line in the file (the header is line 1). JSON: the position in the array, from 1.</param>
/// <param name="Ags">The row's AGS, when it could be read.</param>
/// <param name="Errors">Each bad value: column, value as sent, and what is wrong.</param>
public sealed record ImportRowProblem(int Row, string? Ags, IReadOnlyList<ImportCellProblem> Errors);

/// <summary>One bad value.</summary>
/// <param name="Column">The column or field, e.g. paidStaffFte; "row" for the row as a whole.</param>
/// <param name="Value">The value as sent.</param>
/// <param name="Message">What is wrong, and how to write it.</param>
public sealed record ImportCellProblem(string Column, string? Value, string Message);

/// <summary>
/// The 400 of an import: a standard validation problem whose <c>errors</c> are keyed
/// <c>row 17: paidStaffFte</c> (so any client shows them), plus <c>rows</c> with the same
/// facts structured, <c>rowsChecked</c>, <c>badRows</c> and <c>truncated</c>.
/// </summary>
internal static class ImportReport
{
    public static ValidationProblem Problem(ParsedImport parsed, IReadOnlyList<ImportRow> bad, int maxRows)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in parsed.FileErrors.GroupBy(e => e.Column))
        {
            errors[group.Key] = [.. group.Select(e => e.Message)];
        }

        var shown = bad.Take(maxRows).ToList();
        foreach (var row in shown)
        {
            foreach (var group in row.Errors!.GroupBy(e => e.Column))
            {
                errors[$"row {row.Number}: {group.Key}"] = [.. group.Select(e => e.Message)];
            }
        }

        var detail = parsed.FileErrors.Count > 0
            ? Texts.Get("Import.Unreadable")
            : Texts.Format("Import.BadRows", bad.Count, parsed.Rows.Count)
                + (bad.Count > maxRows ? " " + Texts.Format("Import.FirstBadRows", maxRows) : "");
        return TypedResults.ValidationProblem(errors, detail: detail, title: Texts.Get("Import.Title"), extensions: new Dictionary<string, object?>
        {
            ["rows"] = shown.Select(r => new ImportRowProblem(r.Number, r.Ags, [.. r.Errors!.Select(e => new ImportCellProblem(e.Column, e.Value, e.Message))])).ToList(),
            ["rowsChecked"] = parsed.Rows.Count,
            ["badRows"] = bad.Count,
            ["truncated"] = bad.Count > maxRows,
        });
    }
}
