using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Runs;

namespace Readiness.Benchmarks.Infrastructure;

/// <summary>
/// The real service in this process (its Program, services and middleware) over a benchmark
/// store, in the Production environment, without a job server or a first run: the bench calls
/// the run executor and the endpoints itself.
/// </summary>
internal sealed class BenchHost(string dataDirectory, IReadOnlyDictionary<string, string> settings, IRunFaults? faults = null) : WebApplicationFactory<Program>
{
    /// <summary>Over a SQLite store in <paramref name="dataDirectory"/>.</summary>
    public BenchHost(string dataDirectory, IRunFaults? faults = null)
        : this(dataDirectory, new Dictionary<string, string>(), faults)
    {
    }

    /// <summary>Over a store of either provider.</summary>
    public BenchHost(BenchStore store, IRunFaults? faults = null)
        : this(store.Directory, store.Settings, faults)
    {
    }

    public string DataDirectory => dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Readiness:DataDirectory", dataDirectory);
        builder.UseSetting("Readiness:Jobs:RunOnFirstStart", "false");
        builder.UseSetting("Readiness:Jobs:RunServer", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (faults is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(faults));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}
