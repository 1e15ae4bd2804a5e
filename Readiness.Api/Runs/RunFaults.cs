using Microsoft.Extensions.Options;

namespace Readiness.Api.Runs;

/// <summary>A place for tests to make a stage fail or stall; the service's own implementation does nothing.</summary>
public interface IRunFaults
{
    /// <summary>Called as <paramref name="stage"/> starts, inside its timing.</summary>
    void BeforeStage(string stage);
}

internal sealed class NoRunFaults : IRunFaults
{
    public void BeforeStage(string stage)
    {
    }
}

/// <summary>
/// <c>Readiness:Jobs:Faults</c>: stalls a run before a stage, so a test that runs the real service
/// as a process can kill it mid-run. Honoured only in the <c>Testing</c> environment.
/// </summary>
public sealed class RunFaultOptions
{
    public const string Section = "Readiness:Jobs:Faults";

    /// <summary>The stage to stall before, e.g. <c>publish</c>.</summary>
    public string? PauseBefore { get; set; }

    /// <summary>How long to stall.</summary>
    public TimeSpan PauseFor { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class PausingRunFaults(IOptions<RunFaultOptions> options, ILogger<PausingRunFaults> logger) : IRunFaults
{
    public void BeforeStage(string stage)
    {
        if (string.Equals(stage, options.Value.PauseBefore, StringComparison.Ordinal))
        {
            logger.LogWarning("Stalling {Stage} for {Pause} (Readiness:Jobs:Faults, Testing only)", stage, options.Value.PauseFor);
            Thread.Sleep(options.Value.PauseFor);
        }
    }

    /// <summary>The faults configured for this host: none outside the Testing environment.</summary>
    public static IRunFaults For(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var options = services.GetRequiredService<IOptions<RunFaultOptions>>();
        return environment.IsEnvironment("Testing") && !string.IsNullOrEmpty(options.Value.PauseBefore)
            ? ActivatorUtilities.CreateInstance<PausingRunFaults>(services)
            : new NoRunFaults();
    }
}
