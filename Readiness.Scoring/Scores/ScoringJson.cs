using System.Text.Json;
using System.Text.Json.Serialization;

namespace Readiness.Scoring.Scores;

/// <summary>
/// The JSON settings profiles and results are written with: camelCase properties, enums as
/// kebab-case strings (<c>higher-is-better</c>, <c>per-1000-residents</c>, <c>insufficient-data</c>).
/// The API's own options must match: <c>PropertyNamingPolicy = CamelCase</c> plus
/// <c>JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)</c>.
/// </summary>
public static class ScoringJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
