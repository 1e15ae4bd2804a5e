using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Readiness.Data.Runs;

/// <summary>Removing old runs with their results, and a failed run's results.</summary>
public sealed partial class RunStore
{
    private static readonly string[] ResultTables =
    [
        "run_scores", "run_peer_groups", "run_peer_group_members", "run_peer_group_diagnostics",
        "run_pairings", "run_pairing_mentees", "run_shared_groups", "run_shared_group_members",
    ];

    /// <summary>Keeps the newest <paramref name="keep"/> runs (and always the current one); removes older runs with their results.</summary>
    public int DeleteOldRuns(int keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        return database.InTransaction((connection, transaction) =>
        {
            var old = connection.Query<long>(
                """
                SELECT id FROM runs
                WHERE status <> 'running'
                  AND id NOT IN (SELECT run_id FROM current_run)
                  AND id NOT IN (SELECT id FROM runs ORDER BY id DESC LIMIT @keep)
                """,
                new { keep },
                transaction).AsList();
            foreach (var id in old)
            {
                DeleteResults(connection, transaction, id);
                // A kept pairing may point at an old run as the one it first appeared in; that is history, not a key.
                connection.Execute("DELETE FROM runs WHERE id = @id", new { id }, transaction);
            }

            return old.Count;
        });
    }

    private static void DeleteResults(DbConnection connection, System.Data.IDbTransaction transaction, long runId)
    {
        foreach (var table in ResultTables)
        {
            connection.Execute($"DELETE FROM {table} WHERE run_id = @runId", new { runId }, transaction);
        }
    }
}
