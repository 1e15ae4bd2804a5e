using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Data.Audit;

namespace Readiness.Data.Runs;

/// <summary>
/// The life cycle of runs: start (one at a time, enforced by a unique index so it holds across
/// processes), heartbeat, fail, publish. Reading runs is in RunStore.Reads.cs, removing old ones in
/// RunStore.Retention.cs, whose process owns a run in RunOwners; result rows are written by RunResultWriter.
/// </summary>
public sealed partial class RunStore(Database database, TimeProvider time)
{
    /// <summary>The PostgreSQL channel a publish notifies (<c>LISTEN readiness_run_published</c>).</summary>
    public const string PublishedChannel = "readiness_run_published";

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
                    new { trigger, now, owner = RunOwners.ThisProcess, requestedBy },
                    transaction);
                if (actor is not null)
                {
                    AuditLog.Record(connection, transaction, new AuditEntry(actor, AuditActions.RunStart, id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { trigger }));
                }

                return id;
            });
            return (Get(id), null);
        }
        // The unique index on running runs, as each provider reports it.
        catch (System.Data.Common.DbException exception) when (exception is SqliteException { SqliteErrorCode: 19 }
            or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
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
            new { runId, owner = RunOwners.ThisProcess, now = time.GetUtcNow() }) == 1;
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

            if (database.IsPostgres)
            {
                // Delivered at commit to every API instance listening (PublishedRunWatcher): they load the run at once.
                connection.Execute($"NOTIFY {PublishedChannel}", transaction: transaction);
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
            var ownerEnded = RunOwners.HasEnded(run.Owner);
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
}
