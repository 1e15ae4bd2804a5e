using System.Diagnostics;
using System.Globalization;

namespace Readiness.Data.Runs;

/// <summary>Who runs a run: the process that started or claimed it, as <c>host:pid</c>.</summary>
public static class RunOwners
{
    /// <summary>This process, as the owner of the runs it starts.</summary>
    public static string ThisProcess => $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>
    /// Whether the process that owns a run has ended: only known for a process of this host (a run
    /// started elsewhere is judged by its heartbeat alone).
    /// </summary>
    public static bool HasEnded(string owner)
    {
        var separator = owner.LastIndexOf(':');
        if (separator < 0 || owner[..separator] != Environment.MachineName
            || !int.TryParse(owner.AsSpan(separator + 1), CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
