using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Data.Audit;

namespace Readiness.Data.Runs;

/// <summary>
/// The life cycle of runs: start (one at a time, enforced by a unique index so it holds across
/// processes), heartbeat, fail, publish. Result rows are written by the run result writer.
/// </summary>
public sealed class RunStore(SqliteDatabase database, TimeProvider time)
{
    private const string Select =
        """
        SELECT id, status, trigger, started_at, finished_at, heartbeat_at, owner, input_version, parameters,
               stages, error, published_at, requested_by
        FROM runs
        """;

    private static readonly string[] ResultTables =
    [
        "run_scores", "run_peer_groups", "run_peer_group_members", "run_peer_group_diagnostics",
        "run_pairings", "run_pairing_mentees", "run_shared_groups", "run_shared_group_members",
    ];

    /// <summary>This process, as the owner of the runs it starts.</summary>
    public static string ThisProcess => $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Starts a run, or names the one that is already running. A caller's start is audited in the same transaction.</summary>
    public (RunRecord? Run, RunConflict? Conflict) TryStart(string trigger, string? requestedBy, AuditActor? actor = null)
    {
        var now = time.GetUtcNow();
        try
        {
            var id = database.InTransaction((connection, transaction) =>
            {
                var id = connection.ExecuteScalar<long>(
                    """
                    INSERT INTO runs (status, trigger, started_at, heartbeat_at, owner, requested_by)
                    VALUES ('running', @trigger, @now, @now, @owner, @requestedBy)
                    RETURNING id
                    """,
                    new { trigger, now, owner = ThisProcess, requestedBy },
                    transaction);
                if (actor is not null)
                {
                    AuditLog.Record(connection, transaction, new AuditEntry(actor, AuditActions.RunStart, id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { trigger }));
                }

                return id;
            });
            return (Get(id), null);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == 19)
        {
            var running = Running();
            return running is null
                ? throw new InvalidOperationException("A run was reported running but none is.", exception)
                : (null, new RunConflict(running.Id, running.StartedAt));
        }
    }

    /// <summary>
    /// Takes a queued run over for the process that executes it (a worker may run what the API
    /// started), so that <see cref="FailInterrupted"/> watches the right process. False when the run
    /// is no longer running: it finished, or was failed after its process died.
    /// </summary>
    public bool Claim(long runId)
    {
        using var connection = database.Open();
        return connection.Execute(
            "UPDATE runs SET owner = @owner, heartbeat_at = @now WHERE id = @runId AND status = 'running'",
            new { runId, owner = ThisProcess, now = time.GetUtcNow() }) == 1;
    }

    public void Heartbeat(long runId)
    {
        using var connection = database.Open();
        connection.Execute("UPDATE runs SET heartbeat_at = @now WHERE id = @runId AND status = 'running'", new { runId, now = time.GetUtcNow() });
    }

    /// <summary>Records what the run computes from as soon as it is known, so a run that fails or is interrupted can be explained too.</summary>
    public void RecordInputs(long runId, string inputVersion, string parameters)
    {
        using var connection = database.Open();
        connection.Execute("UPDATE runs SET input_version = @inputVersion, parameters = @parameters WHERE id = @runId AND status = 'running'",
            new { runId, inputVersion, parameters });
    }

    /// <summary>Records the stages finished so far, so a run that is interrupted still shows how far it got.</summary>
    public void RecordStages(long runId, string stages)
    {
        using var connection = database.Open();
        connection.Execute("UPDATE runs SET stages = @stages, heartbeat_at = @now WHERE id = @runId AND status = 'running'",
            new { runId, stages, now = time.GetUtcNow() });
    }

    /// <summary>
    /// Records the failure of a running run and removes every row it wrote; the published run stays
    /// current. A run that is no longer running (published, or failed already) is left as it is.
    /// </summary>
    public bool Fail(long runId, string error, string? stages) =>
        database.InTransaction((connection, transaction) =>
        {
            var updated = connection.Execute(
                """
                UPDATE runs SET status = 'failed', finished_at = @now, error = @error, stages = coalesce(@stages, stages)
                WHERE id = @runId AND status = 'running'
                """,
                new { runId, error, stages, now = time.GetUtcNow() },
                transaction);
            if (updated == 1)
            {
                DeleteResults(connection, transaction, runId);
            }

            return updated == 1;
        });

    /// <summary>Closes a run whose inputs equal the published run's: nothing new to publish.</summary>
    public void MarkUnchanged(long runId, string inputVersion, string parameters, string stages)
    {
        using var connection = database.Open();
        connection.Execute(
            """
            UPDATE runs SET status = 'unchanged', finished_at = @now, input_version = @inputVersion,
                            parameters = @parameters, stages = @stages
            WHERE id = @runId AND status = 'running'
            """,
            new { runId, inputVersion, parameters, stages, now = time.GetUtcNow() });
    }

    /// <summary>Makes the run's results the ones served, in one transaction with its final status.</summary>
    public void Publish(long runId, string inputVersion, string parameters, string stages) =>
        Publish(runId, inputVersion, parameters, () => stages);

    /// <summary>
    /// Makes the run's results the ones served, in one transaction with its final status. The
    /// pointer moves first and the run's row is written last, with <paramref name="stages"/> read
    /// at that moment, so the stored stages include the publish stage itself (up to the commit).
    /// </summary>
    public void Publish(long runId, string inputVersion, string parameters, Func<string> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var now = time.GetUtcNow();
        database.InTransaction((connection, transaction) =>
        {
            connection.Execute(
                """
                INSERT INTO current_run (singleton, run_id, published_at) VALUES (1, @runId, @now)
                ON CONFLICT (singleton) DO UPDATE SET run_id = excluded.run_id, published_at = excluded.published_at
                """,
                new { runId, now },
                transaction);
            var updated = connection.Execute(
                """
                UPDATE runs SET status = 'succeeded', finished_at = @finished, published_at = @now,
                                input_version = @inputVersion, parameters = @parameters, stages = @stages
                WHERE id = @runId AND status = 'running'
                """,
                new { runId, inputVersion, parameters, stages = stages(), now, finished = time.GetUtcNow() },
                transaction);
            if (updated != 1)
            {
                // Failed meanwhile (its process was presumed dead): the pointer must not move, so the transaction rolls back.
                throw new InvalidOperationException($"Run {runId} is no longer running and cannot be published.");
            }
        });
    }

    /// <summary>
    /// Marks runs that can no longer finish as failed: those started by a process of this host
    /// that has ended, and those whose heartbeat is older than <paramref name="staleAfter"/>.
    /// </summary>
    public IReadOnlyList<long> FailInterrupted(TimeSpan staleAfter)
    {
        var interrupted = new List<long>();
        if (Running() is { } run)
        {
            var ownerEnded = OwnedHereButEnded(run.Owner);
            var stale = time.GetUtcNow() - run.HeartbeatAt > staleAfter;
            if (ownerEnded || stale)
            {
                if (Fail(run.Id, ownerEnded ? "Interrupted: the process running it ended before it finished." : "Interrupted: no sign of life from the process running it.", null))
                {
                    interrupted.Add(run.Id);
                }
            }
        }

        return interrupted;
    }

    public RunRecord? Get(long id)
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<RunRecord>($"{Select} WHERE id = @id", new { id });
    }

    public RunRecord? Running()
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<RunRecord>($"{Select} WHERE status = 'running'");
    }

    /// <summary>The published run, if any.</summary>
    public RunRecord? Current()
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<RunRecord>($"{Select} WHERE id = (SELECT run_id FROM current_run WHERE singleton = 1)");
    }

    public long? CurrentId()
    {
        using var connection = database.Open();
        return connection.QueryFirstOrDefault<long?>("SELECT run_id FROM current_run WHERE singleton = 1");
    }

    public (IReadOnlyList<RunRecord> Items, int Total) List(int page, int pageSize)
    {
        using var connection = database.Open();
        var total = connection.ExecuteScalar<int>("SELECT count(*) FROM runs");
        var items = connection.Query<RunRecord>($"{Select} ORDER BY id DESC LIMIT @pageSize OFFSET @offset",
            new { pageSize, offset = (page - 1) * pageSize }).AsList();
        return (items, total);
    }

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

    private static void DeleteResults(SqliteConnection connection, System.Data.IDbTransaction transaction, long runId)
    {
        foreach (var table in ResultTables)
        {
            connection.Execute($"DELETE FROM {table} WHERE run_id = @runId", new { runId }, transaction);
        }
    }

    private static bool OwnedHereButEnded(string owner)
    {
        var separator = owner.LastIndexOf(':');
        if (separator < 0 || owner[..separator] != Environment.MachineName
            || !int.TryParse(owner.AsSpan(separator + 1), System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
