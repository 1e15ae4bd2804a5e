using Microsoft.Data.Sqlite;
using Readiness.Data;

namespace Readiness.Api.Infrastructure;

/// <summary>
/// What is checked before the database is opened: the data folder is writable (and created owner-only),
/// neither database file is damaged, and an empty <c>readiness.db</c> is not silently re-seeded where a
/// database clearly lived (its job storage, its WAL, or the marker written at the first seeding).
/// </summary>
internal static class DataFolderChecks
{
    /// <summary>Written beside the database once it is seeded: proof that a database lived here.</summary>
    public const string MarkerSuffix = ".seeded";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const string Restore = "Restore it from a backup (README, \"Backup and restore\")";

    /// <summary>Checks the folder and files; creates what is missing owner-only. Throws <see cref="StartupFailure"/>.</summary>
    public static void Check(string databasePath, string? jobStoragePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        EnsureWritableFolder(folder);

        var database = new FileInfo(databasePath);
        if (database.Exists && database.Length == 0 && Traces(databasePath, jobStoragePath) is { Count: > 0 } traces)
        {
            throw new StartupFailure(
                $"readiness: the database {database.FullName} is empty (0 bytes), but {string.Join(" and ", traces)} {(traces.Count == 1 ? "shows" : "show")} that a database lived here; "
                + $"starting would seed a new one and lose its API keys and surveyed assessments. {Restore}; to really start afresh, delete those files too.",
                StartupFailure.EmptiedDatabase);
        }

        if (Damage(database.FullName) is { } problem)
        {
            throw new StartupFailure(
                $"readiness: the database {database.FullName} is damaged ({problem}). Nothing was changed. {Restore}, or move it aside to start with a new one.",
                StartupFailure.DamagedDatabase);
        }

        if (jobStoragePath is not null && Damage(jobStoragePath) is { } jobProblem)
        {
            throw new StartupFailure(
                $"readiness: the job storage {Path.GetFullPath(jobStoragePath)} is damaged ({jobProblem}). It holds only job history and schedules: "
                + "stop every worker, delete it (with its -wal and -shm files) and start again; the schedules are recreated.",
                StartupFailure.DamagedDatabase);
        }

        // SQLite creates its -wal and -shm files with the database file's permissions, so owner-only here is owner-only there.
        CreateOwnerOnly(database.FullName);
        if (jobStoragePath is not null)
        {
            CreateOwnerOnly(jobStoragePath);
        }
    }

    /// <summary>Writes the marker once the database holds its seed (also for databases seeded before markers existed).</summary>
    public static void MarkSeeded(string databasePath)
    {
        var marker = databasePath + MarkerSuffix;
        if (!File.Exists(marker))
        {
            CreateOwnerOnly(marker);
            File.WriteAllText(marker, "A Readiness database lives beside this file. The service refuses to re-seed an empty database while this file exists.\n");
        }
    }

    /// <summary>A SQLite failure while opening or migrating, as the line an operator can act on; null when it is not about the file.</summary>
    public static StartupFailure? Explain(SqliteException exception, string databasePath) => exception.SqliteErrorCode switch
    {
        11 or 26 => new StartupFailure($"readiness: the database {Path.GetFullPath(databasePath)} is damaged ({exception.Message}). Nothing was changed. {Restore}.", StartupFailure.DamagedDatabase),
        8 or 14 => new StartupFailure($"readiness: the database {Path.GetFullPath(databasePath)} cannot be written or opened ({exception.Message}). Give the service's user write access to it and its folder.", StartupFailure.NotWritable),
        13 => new StartupFailure($"readiness: the storage of {Path.GetFullPath(databasePath)} is full ({exception.Message}). Free disk space and start again.", StartupFailure.StorageFull),
        10 => new StartupFailure($"readiness: the database {Path.GetFullPath(databasePath)} cannot be read or written ({exception.Message}): check the disk. {Restore} if it is damaged.", StartupFailure.DamagedDatabase),
        _ => null,
    };

    private static string? Damage(string path)
    {
        try
        {
            return SqliteFileCheck.Problem(path);
        }
        catch (IOException exception)
        {
            return $"it cannot be read: {exception.Message}";
        }
        catch (UnauthorizedAccessException exception)
        {
            return $"it cannot be read: {exception.Message}";
        }
    }

    private static List<string> Traces(string databasePath, string? jobStoragePath)
    {
        var traces = new List<string>();
        foreach (var (path, what) in new[] { (databasePath + MarkerSuffix, "the marker written at its first seeding"), (databasePath + "-wal", "its write-ahead log"), (jobStoragePath, "the job storage") })
        {
            if (path is not null && new FileInfo(path) is { Exists: true } file && (file.Length > 0 || path.EndsWith(MarkerSuffix, StringComparison.Ordinal)))
            {
                traces.Add($"{file.Name} ({what})");
            }
        }

        return traces;
    }

    private static void EnsureWritableFolder(string folder)
    {
        try
        {
            if (File.Exists(folder))
            {
                throw new StartupFailure($"readiness: the data folder {folder} is a file, not a folder. Set Readiness:DataDirectory to a folder.", StartupFailure.NotWritable);
            }

            if (!Directory.Exists(folder))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(folder);
                }
                else
                {
                    Directory.CreateDirectory(folder, OwnerOnlyFolder);
                }
            }

            // SQLite needs to create its -wal and -shm files beside the database, so writing one file proves enough.
            var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailure(
                $"readiness: the data folder {folder} is not writable ({exception.Message}). Give the service's user write access to it, or set Readiness:DataDirectory to a writable folder.",
                StartupFailure.NotWritable);
        }
    }

    private static void CreateOwnerOnly(string path)
    {
        if (File.Exists(path) || OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (a worker, the keys command) created it first.
        }
    }
}
