using DbUp;
using DbUp.Engine.Output;
using Microsoft.Data.Sqlite;
using Dapper;

namespace Readiness.Data;

/// <summary>Applies the numbered scripts under <c>Migrations/</c> once each, in order, recorded in <c>SchemaVersions</c>.</summary>
public static class SchemaMigrator
{
    public static IReadOnlyList<string> Migrate(SqliteDatabase database, IUpgradeLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        EnsureWal(database);

        var upgrader = DeployChanges.To
            .SqliteDatabase(database.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SchemaMigrator).Assembly, name => name.Contains(".Migrations.", StringComparison.Ordinal))
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
    private static void EnsureWal(SqliteDatabase database)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(database.DataSource));
        if (!string.IsNullOrEmpty(directory) && !database.DataSource.Contains(":memory:", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(directory);
        }

        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        connection.Execute("PRAGMA journal_mode = WAL;");
    }
}
