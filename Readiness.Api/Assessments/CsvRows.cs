using System.Globalization;
using System.Text;
using Readiness.Api.Localization;
using nietras.SeparatedValues;

namespace Readiness.Api.Assessments;

/// <summary>
/// Reads the CSV import with Sep: UTF-8 with or without BOM, <c>;</c> or <c>,</c> (or tab) as the
/// separator, found from the header line, header names as in the template in any case.
/// </summary>
internal static class CsvRows
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>More header problems than this are one problem: the file is not an import.</summary>
    private const int MaxHeaderErrors = 20;

    public static ParsedImport Read(ReadOnlySpan<byte> body, DateOnly today, int maxRows)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body.StartsWith("\uFEFF"u8) ? body[3..] : body);
        }
        catch (DecoderFallbackException)
        {
            return ParsedImport.FileError("body", null,
                Texts.Get("Import.NotUtf8"));
        }

        try
        {
            return Read(text, today, maxRows);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return ParsedImport.FileError("body", null, Texts.Format("Import.NotCsv", exception.Message));
        }
    }

    private static ParsedImport Read(string text, DateOnly today, int maxRows)
    {
        var separator = DetectSeparator(text);
        if (CsvQuotes.FindUnterminated(text, separator) is { } open)
        {
            var column = CsvQuotes.ColumnName(text, separator, open.Column);
            return ParsedImport.FileError($"row {open.Line}: {column}", null,
                Texts.Format("Import.OpenQuote", open.Line, column));
        }

        using var reader = Sep.New(separator).Reader(o => o with
        {
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            Trim = SepTrim.All,
            CultureInfo = CultureInfo.InvariantCulture,
        }).FromText(text);

        if (!reader.MoveNext())
        {
            return ParsedImport.FileError("body", null, Texts.Get("Import.EmptyFile"));
        }

        var header = ReadHeader(reader.Current, separator, out var headerErrors);
        if (headerErrors.Count > 0)
        {
            return new ParsedImport([], headerErrors, separator);
        }

        var rows = new List<ImportRow>();
        foreach (var line in reader)
        {
            if (IsBlank(line))
            {
                continue;
            }

            if (rows.Count == maxRows)
            {
                return ParsedImport.FileError("body", null, Texts.Format("Import.TooManyRows", maxRows));
            }

            var row = new ImportRow(line.LineNumberFrom);
            rows.Add(row);
            if (line.ColCount < header.Length || !ExtraCellsEmpty(line, header.Length))
            {
                row.Fail("row", null, Texts.Format("Import.ValueCount", header.Length, separator, line.ColCount));
                continue;
            }

            for (var i = 0; i < header.Length; i++)
            {
                var cell = line[i].Span;
                switch (header[i])
                {
                    case Column.Ags:
                        if (!cell.IsEmpty)
                        {
                            row.SetAgs(cell.ToString());
                        }

                        break;
                    case Column.ReferenceDate:
                        TextValues.ReadReferenceDate(row, cell, today);
                        break;
                    case Column.Note:
                        row.SetNote(cell.ToString());
                        break;
                    case >= Column.FirstProvider:
                        if (!cell.IsEmpty)
                        {
                            row.SetProvider(ProviderFields.All[header[i] - Column.FirstProvider], cell);
                        }

                        break;
                    default:
                        TextValues.ReadAnswer(row, AnswerFields.All[(int)header[i]], cell);
                        break;
                }
            }

            row.RequireKeys();
        }

        return new ParsedImport(rows, [], separator);
    }

    /// <summary>The most frequent of <c>;</c>, <c>,</c> and tab in the header line; the header holds no numbers, so this is safe.</summary>
    internal static char DetectSeparator(string text)
    {
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var header = end < 0 ? text.AsSpan() : text.AsSpan(0, end);
        var semicolons = header.Count(';');
        var commas = header.Count(',');
        var tabs = header.Count('\t');
        return tabs > semicolons && tabs > commas ? '\t' : semicolons > commas ? ';' : ',';
    }

    private static Column[] ReadHeader(SepReader.Row line, char separator, out List<CellError> errors)
    {
        errors = [];
        var columns = new Column[line.ColCount];
        var seen = new HashSet<Column>();
        for (var i = 0; i < line.ColCount; i++)
        {
            var name = line[i].ToString();
            if (!TryColumn(name, out var column))
            {
                errors.Add(new CellError("header", name, name.Length == 0
                    ? Texts.Format("Import.ColumnNoName", i + 1)
                    : Texts.Format("Import.UnknownColumn", name, separator, string.Join(separator, ImportTemplate.Columns))));
            }
            else if (!seen.Add(column))
            {
                errors.Add(new CellError("header", name, Texts.Format("Import.ColumnTwice", name)));
            }

            columns[i] = column;
        }

        foreach (var required in new[] { Column.Ags, Column.ReferenceDate })
        {
            if (errors.Count == 0 && !seen.Contains(required))
            {
                errors.Add(new CellError("header", null, Texts.Format("Import.ColumnRequired", required == Column.Ags ? "ags" : "referenceDate")));
            }
        }

        if (errors.Count > MaxHeaderErrors)
        {
            errors = [.. errors.Take(MaxHeaderErrors), new CellError("header", null, Texts.Format("Import.MoreHeaderErrors", errors.Count - MaxHeaderErrors))];
        }

        return columns;
    }

    private static bool TryColumn(string name, out Column column)
    {
        if (AnswerFields.TryFind(name, out var field))
        {
            column = (Column)field.Index;
            return true;
        }

        if (ProviderFields.TryFind(name, out var provider))
        {
            column = Column.FirstProvider + provider.Index;
            return true;
        }

        column = name.ToLowerInvariant() switch
        {
            "ags" => Column.Ags,
            "referencedate" => Column.ReferenceDate,
            "note" => Column.Note,
            _ => Column.Unknown,
        };
        return column != Column.Unknown;
    }

    private static bool IsBlank(SepReader.Row line)
    {
        for (var i = 0; i < line.ColCount; i++)
        {
            if (!line[i].Span.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    // Spreadsheets sometimes end rows with extra separators; empty cells past the header are harmless.
    private static bool ExtraCellsEmpty(SepReader.Row line, int columns)
    {
        for (var i = columns; i < line.ColCount; i++)
        {
            if (!line[i].Span.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A header column: an answer's index (0..12), one of the row's own columns, or a provider (from 200).</summary>
    private enum Column
    {
        Unknown = -1,
        Ags = 100,
        ReferenceDate = 101,
        Note = 102,
        FirstProvider = 200,
    }
}
