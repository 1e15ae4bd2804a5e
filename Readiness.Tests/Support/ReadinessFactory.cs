using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Readiness.Tests.Support;

/// <summary>The real application over its own copy of a seeded SQLite file.</summary>
internal sealed class ReadinessFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = [];

    public ReadinessFactory(bool seeded = true)
    {
        DataDirectory = SeededDatabase.NewDirectory();
        if (seeded)
        {
            SeededDatabase.CopyInto(DataDirectory);
        }
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
