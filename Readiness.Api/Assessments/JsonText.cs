using System.Text.Json;

namespace Readiness.Api.Assessments;

/// <summary>
/// Strings and names of a parsed JSON body read without exceptions. The parser accepts a lone
/// surrogate escape (<c>"\ud800"</c>) or an invalid UTF-8 byte inside a string; only turning it
/// into .NET text throws (InvalidOperationException). Readers ask here and report the field instead.
/// </summary>
internal static class JsonText
{
    public static string Message => Localization.Texts.Get("Body.InvalidUnicode");

    /// <summary>The string value, or null when it cannot be text.</summary>
    public static string? TryGetString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The value's JSON text, or null when it holds bytes that are not UTF-8.</summary>
    public static string? TryGetRawText(JsonElement value)
    {
        try
        {
            return value.GetRawText();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The property's name, or null when it cannot be text.</summary>
    public static string? TryGetName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Whether a string value is readable text (true for non-strings).</summary>
    public static bool IsReadable(JsonElement value) => value.ValueKind != JsonValueKind.String || TryGetString(value) is not null;
}
