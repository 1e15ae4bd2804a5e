using System.Diagnostics;
using System.Text.Json;

namespace Readiness.Benchmarks.Clustering;

/// <summary>Runs tools/kmeans_reference.py with Debian's Python and scikit-learn (apt-get install -y python3-sklearn).</summary>
internal static class ScikitLearn
{
    public const string Python = "/usr/bin/python3";

    public static JsonElement Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Infrastructure.Repository.Root, "tools", "kmeans_reference.py"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/kmeans_reference.py failed (is python3-sklearn installed?):\n{error.Result}");
        }

        var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonDocument.Parse(lastLine).RootElement.Clone();
    }

    public static List<double[]> ReadFeatures(string csv) =>
        [.. File.ReadLines(csv).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Skip(1).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())];
}
