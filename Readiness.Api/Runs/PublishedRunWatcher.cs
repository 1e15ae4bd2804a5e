using Dapper;
using Npgsql;
using Readiness.Data;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

/// <summary>
/// Notices runs published by another process (a worker) and loads them. On PostgreSQL it listens for the
/// publish's notification (<see cref="RunStore.PublishedChannel"/>, sent at commit) and loads the run at once;
/// on both providers it also asks for the current run id twice a second (one indexed read), so a lost
/// connection or notification costs half a second, not the run. Issue 19 asks for 2 s from publish to served.
/// </summary>
internal sealed class PublishedRunWatcher(PublishedRunCache cache, Database database, ILogger<PublishedRunWatcher> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NpgsqlConnection? listener = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                listener ??= await ListenAsync(stoppingToken);
                listener = await WaitAsync(listener, stoppingToken);
                Check();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            listener?.Dispose();
        }
    }

    private void Check()
    {
        try
        {
            var held = cache.HeldId;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            cache.Refresh();
            if (cache.HeldId is { } loaded && loaded != held)
            {
                logger.LogInformation("Serving run {RunId}, loaded in {Milliseconds:0} ms", loaded, clock.Elapsed.TotalMilliseconds);
            }
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Could not check for a newly published run");
        }
    }

    /// <summary>A connection of its own that listens for publishes; null on SQLite, or while PostgreSQL cannot be reached.</summary>
    private async Task<NpgsqlConnection?> ListenAsync(CancellationToken stoppingToken)
    {
        if (!database.IsPostgres)
        {
            return null;
        }

        NpgsqlConnection? connection = null;
        try
        {
            connection = (NpgsqlConnection)database.Open();
            await connection.ExecuteAsync(new CommandDefinition($"LISTEN {RunStore.PublishedChannel}", cancellationToken: stoppingToken));
            return connection;
        }
        catch (NpgsqlException exception)
        {
            logger.LogWarning(exception, "Could not listen for published runs; checking every {Interval}", Interval);
            connection?.Dispose();
            return null;
        }
    }

    /// <summary>Until a publish is notified or the interval has passed; the listener, or null when its connection failed.</summary>
    private async Task<NpgsqlConnection?> WaitAsync(NpgsqlConnection? listener, CancellationToken stoppingToken)
    {
        if (listener is null)
        {
            await Task.Delay(Interval, stoppingToken);
            return null;
        }

        try
        {
            await listener.WaitAsync(Interval, stoppingToken);
            return listener;
        }
        catch (NpgsqlException exception)
        {
            logger.LogWarning(exception, "The connection listening for published runs failed; listening again");
            await listener.DisposeAsync();
            return null;
        }
    }
}
