using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Readiness.Tests.Jobs;

/// <summary>
/// The real service as a process of its own (<c>dotnet Readiness.Api.dll</c> from the test's
/// output), on a free loopback port, in the Testing environment, with the given settings.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServiceProcess(Process process, Uri address)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>What the service wrote so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static async Task<ServiceProcess> StartAsync(IEnumerable<string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var service = Launch([$"--urls={address}", .. settings], address);
        try
        {
            await service.WaitUntilHealthyAsync();
        }
        catch
        {
            // A service that never became healthy is ended here: the caller never gets it to end.
            service.Dispose();
            throw;
        }

        return service;
    }

    /// <summary>The service in worker mode (<c>--worker</c>): no HTTP, so nothing to wait for; it takes jobs once it has started.</summary>
    public static ServiceProcess StartWorker(IEnumerable<string> settings) =>
        Launch(["--worker", .. settings], new Uri("http://127.0.0.1:9"));

    /// <summary>A command of the service (e.g. <c>keys create …</c>) as a process of its own; waits for it to end.</summary>
    public static async Task<(int Code, string Output)> RunCommandAsync(IEnumerable<string> arguments)
    {
        using var command = Launch(arguments, new Uri("http://127.0.0.1:9"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await command.process.WaitForExitAsync(timeout.Token);
        // The asynchronous readers deliver their last lines after the exit: WaitForExit() without a timeout waits for them.
        command.process.WaitForExit();
        return (command.process.ExitCode, command.Output);
    }

    private static ServiceProcess Launch(IEnumerable<string> arguments, Uri address)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Readiness.Api.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var service = new ServiceProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), address);
        service.process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service.process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service.process.BeginOutputReadLine();
        service.process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Ends the process at once, as a crash or an out-of-memory kill would: no shutdown code runs.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
        Client.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The service did not become healthy{(process.HasExited ? $" (exit code {process.ExitCode})" : "")}:\n{Output}");
    }

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The dotnet host running these tests, or the one the SDK names, or the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
