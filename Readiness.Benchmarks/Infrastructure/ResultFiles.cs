using System.Text.Json;
using System.Text.Json.Serialization;

namespace Readiness.Benchmarks.Infrastructure;

/// <summary>Results of bench commands as JSON under the work folder's <c>results/</c>, for commands that report several (growth, providers).</summary>
internal static class ResultFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // A figure that could not be measured is NaN, and is kept as such.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string PathFor(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(Repository.WorkFolder, "results")).FullName, $"{name}.json");

    public static void Save<T>(string name, T results) => File.WriteAllText(PathFor(name), JsonSerializer.Serialize(results, Json));

    public static T? Load<T>(string name)
        where T : class =>
        File.Exists(PathFor(name)) ? JsonSerializer.Deserialize<T>(File.ReadAllText(PathFor(name)), Json) : null;
}
