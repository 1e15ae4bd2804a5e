using System.Diagnostics;

namespace Readiness.Benchmarks.Infrastructure;

/// <summary>
/// Runs another bench command in a process of its own: each size of a run is measured in a fresh
/// process, so its peak memory is its own and not the largest size's before it.
/// </summary>
internal static class ChildProcess
{
    public static int RunSelf(params string[] arguments)
    {
        // Always "dotnet Readiness.Benchmarks.dll": this process may be the bench's apphost or a test host.
        var processPath = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(processPath) { UseShellExecute = false };
        start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {processPath}.");
        process.WaitForExit();
        return process.ExitCode;
    }
}
