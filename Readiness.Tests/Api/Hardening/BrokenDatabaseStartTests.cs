using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Readiness.Api.Infrastructure;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Hardening;

/// <summary>
/// The service started as a process on a damaged or emptied data folder: it ends within 10 s with a
/// documented exit code and one line naming the file, never a stack trace; an empty folder still seeds.
/// </summary>
public sealed class BrokenDatabaseStartTests
{
    private string directory = null!;

    private string DatabasePath => Path.Combine(directory, "readiness.db");

    [SetUp]
    public void CreateDataFolder() => directory = SeededDatabase.NewDirectory();

    [TearDown]
    public void RemoveDataFolder()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the temp folder later.
        }
    }

    [Test]
    public void TruncatedDatabase_StopsTheStart_NamingTheFile()
    {
        SeededDatabase.CopyInto(directory);
        using (var file = new FileStream(DatabasePath, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        AssertRefused(Start(), StartupFailure.DamagedDatabase, DatabasePath, "truncated");
    }

    [Test]
    public void GarbageHeader_StopsTheStart_NamingTheFile()
    {
        SeededDatabase.CopyInto(directory);
        Overwrite(DatabasePath, 0, 4096);

        AssertRefused(Start(), StartupFailure.DamagedDatabase, DatabasePath, "SQLite header");
    }

    [Test]
    public void CorruptPages_StopTheStart_NamingTheFile()
    {
        SeededDatabase.CopyInto(directory);
        var length = new FileInfo(DatabasePath).Length;
        Overwrite(DatabasePath, length / 4096 / 2 * 4096, 20 * 4096);

        AssertRefused(Start(), StartupFailure.DamagedDatabase, DatabasePath, "damaged");
    }

    [Test]
    public void CorruptJobStorage_StopsTheStart_NamingTheFile()
    {
        SeededDatabase.CopyInto(directory);
        var hangfire = Path.Combine(directory, "hangfire.db");
        File.WriteAllBytes(hangfire, [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7))]);

        AssertRefused(Start(), StartupFailure.DamagedDatabase, hangfire, "job storage");
    }

    [Test]
    public void ZeroLengthDatabase_BesideItsJobStorage_IsNotReseeded()
    {
        SeededDatabase.CopyInto(directory);
        File.Copy(DatabasePath, Path.Combine(directory, "hangfire.db"));
        File.WriteAllBytes(DatabasePath, []);

        AssertRefused(Start(), StartupFailure.EmptiedDatabase, DatabasePath, "hangfire.db");
        Assert.That(new FileInfo(DatabasePath).Length, Is.Zero, "nothing was seeded");
    }

    [Test]
    public void ZeroLengthDatabase_BesideTheSeedingMarker_IsNotReseeded()
    {
        File.WriteAllBytes(DatabasePath, []);
        File.WriteAllText(DatabasePath + DataFolderChecks.MarkerSuffix, "seeded");

        AssertRefused(Start(), StartupFailure.EmptiedDatabase, DatabasePath, "marker");
    }

    [Test]
    public void DataFolderThatCannotBeWritten_StopsTheStart()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("uses a read-only folder of Linux");
        }

        // /proc/self is read-only even for root, which ignores permission bits.
        var result = Start("/proc/self");

        AssertRefused(result, StartupFailure.NotWritable, "/proc/self", "not writable");
    }

    [Test]
    public void EmptyFolder_IsSeeded_OwnerOnly_AndMarked()
    {
        var folder = Path.Combine(directory, "new");
        var keys = Readiness.Api.Auth.KeysCommand.Run(["keys", "list", $"--Readiness:DataDirectory={folder}"], TextWriter.Null, TextWriter.Null);

        Assert.That(keys, Is.Zero);
        Assert.That(new FileInfo(Path.Combine(folder, "readiness.db")).Length, Is.GreaterThan(0));
        Assert.That(File.Exists(Path.Combine(folder, "readiness.db" + DataFolderChecks.MarkerSuffix)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(folder), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            foreach (var file in Directory.GetFiles(folder))
            {
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), file);
            }
        }
    }

    private static void Overwrite(string path, long offset, int length)
    {
        using var file = new FileStream(path, FileMode.Open);
        file.Position = offset;
        file.Write([.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7))]);
    }

    private static void AssertRefused((int Code, string Output, string Error, TimeSpan Elapsed) result, int code, string file, string reason)
    {
        var all = result.Output + result.Error;
        Assert.That(result.Code, Is.EqualTo(code), all);
        Assert.That(result.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(all, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(all, Does.Not.Contain("Exception"), "no exception type");
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.Error);
        Assert.That(lines[0], Does.Contain(file).And.Contain(reason));
    }

    private (int Code, string Output, string Error, TimeSpan Elapsed) Start(string? dataDirectory = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Readiness.Api.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add($"--Readiness:DataDirectory={dataDirectory ?? directory}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"still running after 30 s:\n{output.Result}{error.Result}");
        }

        return (process.ExitCode, output.Result, error.Result, stopwatch.Elapsed);
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
