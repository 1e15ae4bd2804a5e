namespace Readiness.Api.Assessments;

/// <summary>
/// Finds a quote that opens and never closes. A CSV reader takes everything after it (following lines
/// included) into one cell, so an import would silently lose rows; the file is refused instead, naming
/// the line and column where the quote opened.
/// </summary>
internal static class CsvQuotes
{
    /// <summary>The line (header = 1) and column (from 0) of an unterminated quote, or null when every quote closes.</summary>
    public static (int Line, int Column)? FindUnterminated(ReadOnlySpan<char> text, char separator)
    {
        var line = 1;
        var column = 0;
        var quoted = false;
        (int Line, int Column) opened = default;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                // An escaped quote ("") toggles twice, so only a quote without its partner changes the state in the end.
                quoted = !quoted;
                if (quoted)
                {
                    opened = (line, column);
                }
            }
            else if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                if (!quoted)
                {
                    column = 0;
                }
            }
            else if (c == separator && !quoted)
            {
                column++;
            }
        }

        return quoted ? opened : null;
    }

    /// <summary>The name of a header column, for the report; "note" style names as the header spells them.</summary>
    public static string ColumnName(ReadOnlySpan<char> text, char separator, int column)
    {
        var end = text.IndexOfAny('\r', '\n');
        var header = (end < 0 ? text : text[..end]).ToString().Split(separator);
        return column < header.Length && header[column].Trim().Trim('"') is { Length: > 0 } name ? name : "row";
    }
}
