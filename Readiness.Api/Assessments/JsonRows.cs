using System.Globalization;
using System.Text.Json;
using Readiness.Api.Localization;

namespace Readiness.Api.Assessments;

/// <summary>
/// Reads assessments from JSON by hand rather than through a typed DTO, so that every bad field of
/// every row is reported at once (a serializer stops at the first), unknown fields are named, and
/// numbers too large for a double (1e400) are an error, not an exception.
/// </summary>
internal static class JsonRows
{
    /// <summary>Reads one object. <paramref name="pathAgs"/> is the AGS of the URL for a single POST; there an <c>ags</c> field may only repeat it.</summary>
    public static ImportRow ReadObject(JsonElement element, int number, DateOnly today, string? pathAgs = null)
    {
        var row = new ImportRow(number);
        if (element.ValueKind != JsonValueKind.Object)
        {
            row.Fail(pathAgs is null ? "row" : "body", Raw(element), Texts.Get("Import.ExpectedObject"));
            return row;
        }

        if (pathAgs is not null)
        {
            row.Ags = pathAgs;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var name = JsonText.TryGetName(property);
            var value = property.Value;
            if (name is null)
            {
                row.Fail("fieldName", null, JsonText.Message);
                continue;
            }

            if (!JsonText.IsReadable(value))
            {
                row.Fail(FieldName(name), null, JsonText.Message);
                continue;
            }

            if (!seen.Add(name))
            {
                row.Fail(name, Raw(value), Texts.Get("Import.FieldTwice"));
                continue;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (AnswerFields.TryFind(name, out var field))
            {
                ReadAnswer(row, field, value);
            }
            else if (ProviderFields.TryFind(name, out var providerField))
            {
                ReadProvider(row, providerField, value);
            }
            else if (string.Equals(name, "ags", StringComparison.OrdinalIgnoreCase))
            {
                ReadAgs(row, value, pathAgs);
            }
            else if (string.Equals(name, "referenceDate", StringComparison.OrdinalIgnoreCase))
            {
                ReadDate(row, value, today);
            }
            else if (string.Equals(name, "note", StringComparison.OrdinalIgnoreCase))
            {
                if (value.ValueKind == JsonValueKind.String)
                {
                    row.SetNote(value.GetString()!);
                }
                else
                {
                    row.Fail("note", Raw(value), Texts.Get("Import.ExpectedText"));
                }
            }
            else
            {
                row.Fail(name, Raw(value), Texts.Format("Import.UnknownField", string.Join(", ", AnswerFields.All.Select(f => f.Name)), string.Join(", ", ProviderFields.All.Select(f => f.Name))));
            }
        }

        row.RequireKeys();
        return row;
    }

    internal static void ReadAnswer(ImportRow row, AnswerField field, JsonElement value)
    {
        if (!JsonText.IsReadable(value))
        {
            row.Fail(field.Name, null, JsonText.Message);
            return;
        }

        if (field.Kind == AnswerKind.Flag)
        {
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                row.Values[field.Index] = value.GetBoolean() ? 1 : 0;
            }
            else
            {
                row.Fail(field.Name, Raw(value), Texts.Get("Import.ExpectedBoolean"));
            }
        }
        else if (value.ValueKind != JsonValueKind.Number)
        {
            row.Fail(field.Name, Raw(value), field.Kind == AnswerKind.Count
                ? Texts.Get("Import.ExpectedWholeNumberOrNull")
                : Texts.Get("Import.ExpectedNumberOrNull"));
        }
        else if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            row.Fail(field.Name, Raw(value), Texts.Get("Import.NumberTooLarge"));
        }
        else
        {
            row.SetValue(field, number, Raw(value));
        }
    }

    /// <summary>A provider is text: own, administrativeUnion or district.</summary>
    internal static void ReadProvider(ImportRow row, ProviderField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && JsonText.TryGetString(value) is { } text)
        {
            row.SetProvider(field, text);
        }
        else
        {
            row.Fail(field.Name, Raw(value), $"Expected text: {ProviderFields.Expected} (or null for the municipality's own).");
        }
    }

    private static void ReadAgs(ImportRow row, JsonElement value, string? pathAgs)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is null)
        {
            row.Fail("ags", Raw(value), Texts.Get("Import.AgsAsText"));
        }
        else if (pathAgs is null)
        {
            row.SetAgs(text);
        }
        else if (text != pathAgs)
        {
            row.Fail("ags", text, Texts.Format("Import.AgsDiffers", pathAgs));
        }
    }

    private static void ReadDate(ImportRow row, JsonElement value, DateOnly today)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            row.SetReferenceDate(date, text, today);
        }
        else
        {
            row.Fail("referenceDate", Raw(value), Texts.Get("Import.ExpectedIsoDate"));
        }
    }

    /// <summary>The field's name as the reports spell it: the answers, ags, referenceDate and note in their own case.</summary>
    private static string FieldName(string name) =>
        AnswerFields.TryFind(name, out var field) ? field.Name
        : ProviderFields.TryFind(name, out var provider) ? provider.Name
        : string.Equals(name, "ags", StringComparison.OrdinalIgnoreCase) ? "ags"
        : string.Equals(name, "referenceDate", StringComparison.OrdinalIgnoreCase) ? "referenceDate"
        : string.Equals(name, "note", StringComparison.OrdinalIgnoreCase) ? "note"
        : name;

    /// <summary>The value as sent, cut short: error reports echo it so the sender can find it.</summary>
    private static string Raw(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? JsonText.TryGetString(value) : JsonText.TryGetRawText(value);
        text ??= "(not valid text)";
        return text.Length <= 60 ? text : text[..60] + "…";
    }
}
