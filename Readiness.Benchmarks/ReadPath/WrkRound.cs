using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Readiness.Benchmarks.ReadPath;

/// <summary>One wrk run against one endpoint, with the server's CPU time per request.</summary>
internal sealed record WrkRound(string Endpoint, double RequestsPerSecond, double P50Ms, double P99Ms, double MaxMs, long Requests, long Errors, double ServerCpuUsPerRequest, double KilobytesPerResponse)
{
    /// <summary>The 95th percentile, ms.</summary>
    public double P95Ms { get; init; } = double.NaN;

    public static WrkRound Run(string endpoint, string url, string pathsFile, int seconds, int threads, int connections, int serverPid, string? apiKey = null)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "ReadPath", "readiness.lua");
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"-t{threads}", $"-c{connections}", $"-d{seconds}s", "-s", script, url, "--", pathsFile })
        {
            start.ArgumentList.Add(argument);
        }

        if (apiKey is not null)
        {
            start.ArgumentList.Add(apiKey);
        }

        var cpuBefore = CpuSeconds(serverPid);
        using var wrk = StartWrk(start);
        var text = wrk.StandardOutput.ReadToEnd() + wrk.StandardError.ReadToEnd();
        wrk.WaitForExit();
        var cpu = CpuSeconds(serverPid) - cpuBefore;
        var values = Regex.Matches(text, @"(\w+)=(\d+)").ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        if (!values.TryGetValue("requests", out var requests))
        {
            throw new InvalidOperationException($"wrk gave no figures:\n{text}");
        }

        var errors = values["status"] + values["connect"] + values["read"] + values["write"] + values["timeout"];
        return new WrkRound(endpoint, requests / (values["duration_us"] / 1e6), values["p50_us"] / 1000.0, values["p99_us"] / 1000.0, values["max_us"] / 1000.0,
            requests, errors, requests == 0 ? double.NaN : cpu / requests * 1e6, requests == 0 ? 0 : values["bytes"] / 1024.0 / requests)
        {
            P95Ms = values.TryGetValue("p95_us", out var p95) ? p95 / 1000.0 : double.NaN,
        };
    }

    /// <summary>Starts wrk; a machine without it gets the one line that says how to install it, not a trace from the process API.</summary>
    private static Process StartWrk(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: apt-get install -y wrk");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("wrk is not installed: apt-get install -y wrk", exception);
        }
    }

    /// <summary>User plus system CPU seconds of a process so far (Linux /proc).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }
}
