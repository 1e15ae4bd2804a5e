using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Readiness.Benchmarks.Infrastructure;

/// <summary>What the figures were measured on, and how busy the machine was.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {memory:0.0} GiB, .NET {Environment.Version} ({RuntimeInformation.RuntimeIdentifier}), "
            + $"{RuntimeInformation.OSDescription}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}, load {LoadAverage()}");
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    public static double OneMinuteLoad() =>
        double.TryParse(LoadAverage().Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : double.NaN;
}
