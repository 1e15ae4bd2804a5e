using Readiness.Api.Decisions;
using Readiness.Api.Readiness;
using Readiness.Api.Runs;

namespace Readiness.Api.Jobs;

/// <summary>
/// Worker mode (<c>--worker</c>, or <c>Readiness:Jobs:Mode=worker</c>): the data services, the run
/// stack and the Hangfire server in a generic host without HTTP, migrating and seeding like the API.
/// Jobs then run in this process; the API runs with <c>Readiness:Jobs:RunServer=false</c>, queues
/// runs into the shared job storage and notices what the worker published (<see cref="PublishedRunWatcher"/>).
/// </summary>
internal static class WorkerHost
{
    public const string Switch = "--worker";

    /// <summary>The arguments with <c>--worker</c> spelled as the setting it stands for: a bare switch would take the next argument as its value.</summary>
    public static string[] Arguments(string[] args) =>
        [.. args.Select(arg => string.Equals(arg, Switch, StringComparison.OrdinalIgnoreCase) ? $"--{JobOptions.Section}:Mode=worker" : arg)];

    public static bool IsRequested(IConfiguration configuration) =>
        string.Equals(configuration[$"{JobOptions.Section}:Mode"], "worker", StringComparison.OrdinalIgnoreCase);

    /// <summary>Builds the worker; the caller initialises the database and starts it (<see cref="Run"/> does both).</summary>
    public static IHost Build(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            // The same environment as the API, whichever variable names it.
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"),
        });
        builder.Services.AddOptions<ReadinessOptions>()
            .BindConfiguration(ReadinessOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddReadinessData();
        builder.Services.AddReadinessRuns();
        builder.Services.AddReadinessAnswers();
        builder.Services.AddDecisions();
        builder.Services.AddReadinessJobServer();
        return builder.Build();
    }

    public static int Run(string[] args)
    {
        using var host = Build(args);
        if (StartupFailure.Guard(() =>
            {
                host.Services.InitializeDatabase();
                host.Services.StartRuns();
            }) is { } exitCode)
        {
            return exitCode;
        }

        host.Run();
        return 0;
    }
}
