using System.Globalization;

namespace Readiness.Benchmarks.Infrastructure;

/// <summary>
/// The process's peak resident memory (Linux VmHWM). Writing 5 to /proc/self/clear_refs resets the
/// peak, so each run and each stage gets its own; where that is not allowed, the peak is the process's.
/// </summary>
internal static class PeakMemory
{
    private static bool canReset = true;

    public static bool CanReset => canReset;

    /// <summary>Peak resident bytes since the last reset (or since the process started).</summary>
    public static long Peak()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kilobytes * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return Environment.ProcessId > 0 ? System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 : 0;
    }

    public static void Reset()
    {
        if (!canReset)
        {
            return;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            canReset = false;
        }
    }

    public static double Megabytes(long bytes) => bytes / (1024.0 * 1024);
}
