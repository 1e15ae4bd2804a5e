using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Readiness.Api.Exports;

/// <summary>How a column's cells are written: text (AGS and keys keep their leading zeros) or a number with its format.</summary>
internal enum CellKind
{
    Text,
    Integer,
    Decimal1,
    Percent,
    Decimal4,
    LongText,
}

/// <summary>A column of a sheet: its header and how its cells are written.</summary>
internal sealed record SheetColumn(string Header, CellKind Kind);

/// <summary>One sheet: a header row and rows of values (string, number or null); <paramref name="Table"/> sheets get a frozen header and an autofilter.</summary>
internal sealed record Sheet(string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<object?[]> Rows, bool Table = true);

/// <summary>
/// Writes sheets to an .xlsx with the Open XML SDK: header row bold and frozen, autofilter over the table, column widths
/// fitted to the longest value, text as inline strings, numbers as numbers with a number format.
/// </summary>
internal static class Spreadsheet
{
    private const int MaxWidth = 80;

    // Cell formats, by index into the stylesheet's cellXfs.
    private const uint Header = 1;

    public static byte[] Write(IReadOnlyList<Sheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = Styles();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            var definedNames = new DefinedNames();
            for (var index = 0; index < sheets.Count; index++)
            {
                var sheet = sheets[index];
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                sheetList.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet
                {
                    Id = workbookPart.GetIdOfPart(part),
                    SheetId = (uint)(index + 1),
                    Name = sheet.Name,
                });
                if (sheet.Table)
                {
                    definedNames.Append(new DefinedName($"'{sheet.Name}'!{Range(sheet, absolute: true)}")
                    {
                        Name = "_xlnm._FilterDatabase",
                        LocalSheetId = (uint)index,
                        Hidden = true,
                    });
                }
            }

            if (definedNames.HasChildren)
            {
                workbookPart.Workbook.Append(definedNames);
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(Sheet sheet)
    {
        var worksheet = new Worksheet();
        if (sheet.Table)
        {
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
            { WorkbookViewId = 0 }));
        }

        worksheet.Append(Widths(sheet));
        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            header.Append(TextCell(Reference(c, 1), sheet.Columns[c].Header, Header));
        }

        data.Append(header);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var rowIndex = (uint)(r + 2);
            var row = new Row { RowIndex = rowIndex };
            var values = sheet.Rows[r];
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                if (c < values.Length && values[c] is { } value)
                {
                    row.Append(Cell(Reference(c, rowIndex), sheet.Columns[c].Kind, value));
                }
            }

            data.Append(row);
        }

        worksheet.Append(data);
        if (sheet.Table)
        {
            worksheet.Append(new AutoFilter { Reference = Range(sheet, absolute: false) });
        }

        return worksheet;
    }

    private static Cell Cell(string reference, CellKind kind, object value) => value switch
    {
        string text => TextCell(reference, text, Format(kind)),
        _ => new Cell
        {
            CellReference = reference,
            StyleIndex = Format(kind),
            CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
        },
    };

    private static Cell TextCell(string reference, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static uint Format(CellKind kind) => kind switch
    {
        CellKind.Text => 2,
        CellKind.Integer => 3,
        CellKind.Decimal1 => 4,
        CellKind.Percent => 5,
        CellKind.Decimal4 => 6,
        _ => 7,
    };

    /// <summary>Widths fitted to the longest header or value of each column (in characters), wrapped long texts at most <see cref="MaxWidth"/>.</summary>
    private static Columns Widths(Sheet sheet)
    {
        var columns = new Columns();
        for (var c = 0; c < sheet.Columns.Count; c++)
        {
            var longest = sheet.Rows.Select(r => c < r.Length ? Shown(r[c], sheet.Columns[c].Kind) : 0).DefaultIfEmpty(0).Max();
            var width = Math.Min(MaxWidth, Math.Max(sheet.Columns[c].Header.Length + 3, longest + 2));
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true });
        }

        return columns;
    }

    private static int Shown(object? value, CellKind kind) => value switch
    {
        null => 0,
        string text => text.Length,
        _ when kind == CellKind.Percent => 7,
        double d => Math.Abs(d) >= 1000 ? 12 : 8,
        _ => 10,
    };

    private static string Range(Sheet sheet, bool absolute)
    {
        var last = Column(sheet.Columns.Count - 1);
        var rows = sheet.Rows.Count + 1;
        return absolute ? $"$A$1:${last}${rows}" : $"A1:{last}{rows}";
    }

    private static string Reference(int column, uint row) => Column(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0000" })
        { Count = 3 },
        new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true })
        { Count = 8 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
