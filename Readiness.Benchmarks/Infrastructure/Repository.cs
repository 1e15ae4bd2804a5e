namespace Readiness.Benchmarks.Infrastructure;

/// <summary>Where the bench finds the repository's data and keeps its own files.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder that holds Readiness.sln.</summary>
    public static string Root => RootPath.Value;

    public static string SeedData => Path.Combine(Root, "seed-data");

    public static string EuropeCsv => Path.Combine(Root, "bench-data", "eu_lau_2019_regions.csv");

    /// <summary>Generated databases, results and scratch copies; ignored by git like BenchmarkDotNet's own artifacts.</summary>
    public static string WorkFolder => Directory.CreateDirectory(Path.Combine(Root, "BenchmarkDotNet.Artifacts", "e2e")).FullName;

    public static string ApiAssembly(string configuration = "Release") =>
        Path.Combine(Root, "Readiness.Api", "bin", configuration, "net10.0", "Readiness.Api.dll");

    /// <summary>A fresh scratch folder under the work folder.</summary>
    public static string NewScratch(string prefix)
    {
        var path = Path.Combine(WorkFolder, "scratch", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a connection pool goes with the next clean-up of the scratch folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Readiness.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the bench from inside the repository: Readiness.sln was not found above the current folder.");
    }
}
