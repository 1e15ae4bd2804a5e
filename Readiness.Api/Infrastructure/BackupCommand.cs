using Microsoft.Data.Sqlite;
using Readiness.Data;

namespace Readiness.Api.Infrastructure;

/// <summary>
/// <c>backup &lt;file&gt;</c>: a consistent copy of the database through SQLite's online backup, also
/// while the service runs and writes (copying the file by hand could catch a write half done, and
/// misses what is still in the WAL). Same configuration as the service; never starts the server.
/// </summary>
internal static class BackupCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string UsageText =
        """
        Usage:
          backup <file>     copy the database, consistently, while the service may run

        Configuration as for the service, e.g. --Readiness:DataDirectory=/var/lib/readiness.
        Restore: stop the service, put the copy in place of readiness.db (remove readiness.db-wal and -shm), start it.
        """;

    public static bool Matches(string[] args) => args is ["backup", ..];

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (command, configuration) = CommandLine.Split(args[1..]);
        if (command.Verb is null or "help" or "--help" || command.Positional.Count > 0)
        {
            output.WriteLine(UsageText);
            return Usage;
        }

        var target = Path.GetFullPath(command.Verb);
        var builder = WebApplication.CreateBuilder(configuration);
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<ReadinessOptions>().BindConfiguration(ReadinessOptions.Section).ValidateDataAnnotations();
        builder.Services.AddReadinessData();
        using var app = builder.Build();
        var database = app.Services.GetRequiredService<Database>();
        if (database.IsPostgres)
        {
            error.WriteLine("backup: the database is PostgreSQL; back it up with pg_dump (docs/operations.md).");
            return Failed;
        }

        if (!File.Exists(database.DataSource) || new FileInfo(database.DataSource).Length == 0)
        {
            error.WriteLine($"backup: there is no database at {database.DataSource}.");
            return Failed;
        }

        if (File.Exists(target))
        {
            error.WriteLine($"backup: {target} exists; name a new file.");
            return Failed;
        }

        try
        {
            using (var source = (SqliteConnection)database.Open())
            using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
            {
                source.BackupDatabase(destination);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            if (SqliteFileCheck.Problem(target) is { } problem)
            {
                error.WriteLine($"backup: the copy {target} does not check out ({problem}); the database itself may be damaged.");
                return Failed;
            }

            output.WriteLine($"Backed up {database.DataSource} to {target} ({new FileInfo(target).Length:N0} bytes).");
            return Ok;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"backup: {exception.Message}");
            return Failed;
        }
    }
}
