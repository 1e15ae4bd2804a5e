using System.Text.Json;

namespace Readiness.Api.Infrastructure;

/// <summary>An enum value as the wire writes it (kebab-case, see <see cref="ApiJson"/>): for text columns and stored reason codes.</summary>
internal static class WireNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
