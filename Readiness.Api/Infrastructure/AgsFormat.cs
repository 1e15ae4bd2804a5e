using System.Buffers;
using Readiness.Api.Localization;

namespace Readiness.Api.Infrastructure;

/// <summary>Format checks for the AGS and the keys cut from it (district, state); whether one exists is the store's question.</summary>
internal static class AgsFormat
{
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>AGS: 8 digits, e.g. 09162000 for München.</summary>
    public static bool IsAgs(string? value) => IsDigits(value, 8);

    /// <summary>District key: the first 5 digits of the AGS.</summary>
    public static bool IsDistrictKey(string? value) => IsDigits(value, 5);

    /// <summary>State key: the first 2 digits of the AGS.</summary>
    public static bool IsStateKey(string? value) => IsDigits(value, 2);

    private static bool IsDigits(string? value, int length) =>
        value is not null && value.Length == length && !value.AsSpan().ContainsAnyExcept(Digits);

    public static string AgsMessage(string value) => Texts.Format("Problem.Ags", value);

    public static string DistrictKeyMessage(string value) => Texts.Format("Problem.DistrictKey", value);
}
