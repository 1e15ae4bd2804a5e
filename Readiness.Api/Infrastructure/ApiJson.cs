using System.Text.Json;
using System.Text.Json.Serialization;

namespace Readiness.Api.Infrastructure;

/// <summary>
/// The wire format: camelCase, enums as kebab-case strings. Stored answers (a run's readiness
/// details) are serialised with the same options, so what is served is byte for byte what was stored.
/// </summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
