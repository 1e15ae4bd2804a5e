using System.Globalization;
using System.Text;

namespace Readiness.Data;

/// <summary>Folds names for case- and accent-insensitive search: "München" is found by "munchen", "muenchen" and "MÜNCHEN".</summary>
public static class SearchText
{
    /// <summary>The stored key: the name without accents, and with German umlauts transliterated (ä → ae).</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        var transliterated = lower.Replace("ä", "ae", StringComparison.Ordinal)
            .Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal);
        return $"{Fold(lower)}|{Fold(transliterated)}";
    }

    /// <summary>A query in the folded form: lower case, accents removed, ß as ss.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '|')
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Trim();
    }
}
