using Dapper;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Data.Sqlite;

namespace Readiness.Data;

/// <summary>
/// Applies the numbered scripts of the provider once each, in order, recorded in <c>SchemaVersions</c>:
/// <c>Migrations/</c> for SQLite, <c>PostgresMigrations/</c> for PostgreSQL. The SQLite scripts' resource
/// names are recorded in existing databases, so they never move; each filter is an exact prefix.
/// </summary>
public static class SchemaMigrator
{
    private const string SqliteScripts = "Readiness.Data.Migrations.";
    private const string PostgresScripts = "Readiness.Data.PostgresMigrations.";

    public static IReadOnlyList<string> Migrate(Database database, IUpgradeLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = database.IsPostgres
            ? DeployChanges.To.PostgresqlDatabase(database.ConnectionString)
            : DeployChanges.To.SqliteDatabase(EnsureWal(database));
        var prefix = database.IsPostgres ? PostgresScripts : SqliteScripts;

        var upgrader = builder
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(log ?? new NoOpUpgradeLog())
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        return [.. result.Scripts.Select(s => s.Name)];
    }

    // WAL is a property of the file, not the connection: set it once, before anything else writes.
    private static string EnsureWal(Database database)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(database.DataSource));
        if (!string.IsNullOrEmpty(directory) && !database.DataSource.Contains(":memory:", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
        return database.ConnectionString;
    }
}
