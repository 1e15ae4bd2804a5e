using System.Globalization;
using System.Resources;

namespace Readiness.Api.Localization;

/// <summary>
/// The texts meant for people, from <c>Texts.resx</c> (German, the neutral language) and <c>Texts.en.resx</c>, in the
/// request's UI culture (set by the request localization from <c>Accept-Language</c>). Static, so mappers and problem
/// helpers can use it without an injected localizer; outside a request the texts are German.
/// </summary>
internal static class Texts
{
    private static readonly ResourceManager Resources = new("Readiness.Api.Localization.Texts", typeof(Texts).Assembly);

    /// <summary>The language of the texts: the request's UI culture (de or en).</summary>
    public static CultureInfo Culture => CultureInfo.CurrentUICulture;

    /// <summary>Whether the texts are English; everything else is German.</summary>
    public static bool IsEnglish => Culture.TwoLetterISOLanguageName == "en";

    /// <summary>The language tag of the answer: de or en.</summary>
    public static string Language => IsEnglish ? "en" : "de";

    /// <summary>The text for <paramref name="key"/>; the key itself when there is none (a new machine key without a text yet).</summary>
    public static string Get(string key) => Find(key) ?? key;

    /// <summary>The English text for <paramref name="key"/>, e.g. to recognise a framework default.</summary>
    public static string? EnglishOf(string key) => Resources.GetString(key, LocalizationSetup.English);

    /// <summary>The text for <paramref name="key"/>, or null.</summary>
    public static string? Find(string key) => Resources.GetString(key, Culture);

    /// <summary>The text for <paramref name="key"/> with its placeholders filled in, numbers in the text's language.</summary>
    public static string Format(string key, params object?[] args) => string.Format(Culture, Get(key), args);

    /// <summary>A number as a person reads it in the text's language: 48,5 in German, 48.5 in English.</summary>
    public static string Number(double value, int decimals = 1) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('#', decimals), Culture);

    /// <summary>A date as a person reads it in the text's language: 30.06.2025 in German, 2025-06-30 in English.</summary>
    public static string Date(DateOnly date) => date.ToString(IsEnglish ? "yyyy-MM-dd" : "dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A share 0..1 as a percentage: "12 %" in German, "12%" in English.</summary>
    public static string Percent(double share, int decimals = 0) => Number(share * 100, decimals) + (IsEnglish ? "%" : " %");
}
