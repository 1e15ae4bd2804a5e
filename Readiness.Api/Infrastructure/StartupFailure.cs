namespace Readiness.Api.Infrastructure;

/// <summary>
/// A reason not to start that the operator can act on: printed as one line (no stack trace), and the
/// process ends with <see cref="ExitCode"/> (README, "Exit codes").
/// </summary>
internal sealed class StartupFailure(string message, int exitCode) : Exception(message)
{
    /// <summary>A database file is damaged: truncated, not SQLite, corrupt pages, or unreadable.</summary>
    public const int DamagedDatabase = 3;

    /// <summary>The data folder or a database file cannot be written.</summary>
    public const int NotWritable = 4;

    /// <summary>The database file is empty although the folder shows a database lived there.</summary>
    public const int EmptiedDatabase = 5;

    /// <summary>Storage is full.</summary>
    public const int StorageFull = 6;

    public int ExitCode { get; } = exitCode;

    /// <summary>Runs <paramref name="start"/>; a <see cref="StartupFailure"/> becomes its line on standard error and the exit code.</summary>
    public static int? Guard(Action start)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            start();
            return null;
        }
        catch (StartupFailure failure)
        {
            Console.Error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
    }
}
