using System.Globalization;
using Readiness.Api.Localization;

namespace Readiness.Api.Assessments;

/// <summary>
/// Reads CSV cells as a spreadsheet writes them: decimal comma or point, yes/no in German or English,
/// dates as yyyy-MM-dd or dd.MM.yyyy (German Excel rewrites ISO dates that way when it saves).
/// </summary>
internal static class TextValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy"];

    /// <summary>Reads one answer cell into <paramref name="row"/>; an empty cell is "not answered".</summary>
    public static void ReadAnswer(ImportRow row, AnswerField field, ReadOnlySpan<char> cell)
    {
        if (cell.IsEmpty)
        {
            return;
        }

        if (field.Kind == AnswerKind.Flag)
        {
            if (TryFlag(cell, out var flag))
            {
                row.Values[field.Index] = flag ? 1 : 0;
            }
            else
            {
                row.Fail(field.Name, cell.ToString(), Texts.Get("Import.ExpectedYesNo"));
            }

            return;
        }

        if (TryNumber(cell, out var number, out var problem))
        {
            row.SetValue(field, number, cell.ToString());
        }
        else
        {
            row.Fail(field.Name, cell.ToString(), problem);
        }
    }

    public static void ReadReferenceDate(ImportRow row, ReadOnlySpan<char> cell, DateOnly today)
    {
        if (cell.IsEmpty)
        {
            return;
        }

        if (DateOnly.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            row.SetReferenceDate(date, cell.ToString(), today);
        }
        else
        {
            row.Fail("referenceDate", cell.ToString(), Texts.Get("Import.ExpectedDate"));
        }
    }

    public static bool TryFlag(ReadOnlySpan<char> cell, out bool value)
    {
        Span<char> lower = stackalloc char[8];
        if (cell.Length > lower.Length)
        {
            value = false;
            return false;
        }

        var written = cell.ToLowerInvariant(lower);
        var (known, flag) = lower[..written] switch
        {
            "true" or "ja" or "yes" or "wahr" or "1" or "j" or "y" => (true, true),
            "false" or "nein" or "no" or "falsch" or "0" or "n" => (true, false),
            _ => (false, false),
        };
        value = flag;
        return known;
    }

    /// <summary>A number with a decimal comma or point and no thousands separators; never NaN or infinite.</summary>
    public static bool TryNumber(ReadOnlySpan<char> cell, out double value, out string problem)
    {
        value = 0;
        var commas = cell.Count(',');
        var points = cell.Count('.');
        if (commas + points > 1)
        {
            problem = Texts.Get("Import.NumberSeparators");
            return false;
        }

        if (LooksGrouped(cell))
        {
            problem = Texts.Format("Import.NumberAmbiguous", cell.ToString());
            return false;
        }

        Span<char> normal = stackalloc char[Math.Min(cell.Length, 64)];
        if (cell.Length > normal.Length)
        {
            problem = Texts.Get("Import.NumberTooLong");
            return false;
        }

        cell.CopyTo(normal);
        normal.Replace(',', '.');
        if (!double.TryParse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || !double.IsFinite(value))
        {
            problem = Texts.Get("Import.ExpectedNumber");
            return false;
        }

        problem = "";
        return true;
    }

    /// <summary>
    /// 1 to 3 digits (no leading 0), one separator, exactly 3 digits: "15.000" is fifteen thousand in
    /// a German sheet and fifteen in an English one, "1,500" the other way round. Neither is guessed.
    /// </summary>
    private static bool LooksGrouped(ReadOnlySpan<char> cell)
    {
        var digits = cell.TrimStart('-');
        var separator = digits.IndexOfAny(',', '.');
        return separator is >= 1 and <= 3
            && digits[0] != '0'
            && digits.Length - separator - 1 == 3
            && !digits[..separator].ContainsAnyExceptInRange('0', '9')
            && !digits[(separator + 1)..].ContainsAnyExceptInRange('0', '9');
    }
}
