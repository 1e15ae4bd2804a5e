using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Readiness.Tests.Support;

/// <summary>
/// The real application over its own copy of a seeded SQLite file, with Hangfire's in-memory storage.
/// By default the copy holds a published run and no run starts by itself; tests that want one say so.
/// </summary>
internal sealed class ReadinessFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = new()
    {
        ["Readiness:Jobs:Storage"] = "memory",
        ["Readiness:Jobs:RunOnFirstStart"] = "false",
    };

    public ReadinessFactory(Seed seed = Seed.Published)
    {
        DataDirectory = SeededDatabase.NewDirectory();
        switch (seed)
        {
            case Seed.BaseData:
                SeededDatabase.CopyInto(DataDirectory);
                break;
            case Seed.Published:
                SeededDatabase.CopyPublishedInto(DataDirectory);
                break;
        }
    }

    /// <summary>What the database holds when the app starts.</summary>
    public enum Seed
    {
        /// <summary>Nothing: the app creates and seeds it.</summary>
        None,

        /// <summary>Base data, illustrative assessments and the default profile.</summary>
        BaseData,

        /// <summary>That and one published run.</summary>
        Published,
    }

    public string DataDirectory { get; }

    public string DatabasePath => Path.Combine(DataDirectory, "readiness.db");

    /// <summary>Adds a configuration value before the host starts.</summary>
    public ReadinessFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Readiness:DataDirectory", DataDirectory);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pool is removed with the temp folder later.
            }
        }
    }
}
