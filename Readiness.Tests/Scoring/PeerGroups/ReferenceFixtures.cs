using System.Globalization;
using System.Text.Json;

namespace Readiness.Tests.Scoring.PeerGroups;

/// <summary>
/// The scikit-learn reference figures in <c>reference/</c>, written by <c>tools/kmeans_reference.py</c>
/// (commands in docs/peer-groups.md), so tests compare against recorded values and need no Python.
/// </summary>
internal static class ReferenceFixtures
{
    /// <summary>Set to 1 to make the fixture test rewrite <c>reference/german-features.csv</c> from the seed data.</summary>
    public const string WriteVariable = "READINESS_WRITE_PEER_REFERENCE";

    /// <summary>The reference folder in the source tree (found upwards from the test binaries).</summary>
    public static string Directory
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Readiness.sln")))
                {
                    return Path.Combine(folder.FullName, "Readiness.Tests", "Scoring", "PeerGroups", "reference");
                }
            }

            throw new InvalidOperationException("Readiness.sln not found above the test binaries; the reference fixtures live in the source tree.");
        }
    }

    public static string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>A fixture CSV: first column (label or AGS) and the standardised feature rows.</summary>
    public static (string[] Keys, double[][] Rows) ReadCsv(string file)
    {
        var lines = File.ReadAllLines(PathOf(file)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        return (
            [.. lines.Select(parts => parts[0])],
            [.. lines.Select(parts => parts.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())]);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SklearnReference ReadReference(string file) =>
        JsonSerializer.Deserialize<SklearnReference>(File.ReadAllText(PathOf(file)), Json)
        ?? throw new InvalidOperationException($"{file} is empty.");
}

internal sealed record SklearnReference(string Sklearn, string Command, IReadOnlyList<SklearnK> K, SklearnLabels? TrueLabels)
{
    public SklearnK For(int k) => K.Single(x => x.K == k);
}

internal sealed record SklearnK(int K, double Inertia, double DaviesBouldin, double Silhouette, double? AdjustedRandIndex);

internal sealed record SklearnLabels(int K, double DaviesBouldin, double Silhouette);
