using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Readiness.Data.ApiKeys;

/// <summary>
/// The active keys looked up so far, for authentication on every request. Looking a key up in the store
/// costs a round trip that took three quarters of a keyed read's time (docs/benchmarks.md); the cache
/// answers from memory while the store is unchanged. Whether it changed is asked on one connection of
/// its own with SQLite's <c>PRAGMA data_version</c>, which changes when any other connection (this
/// process's, or the <c>keys</c> command's) has committed, and any write empties the cache. Asking
/// costs about 3 µs, so under load it is asked at most once a millisecond: a key created or revoked
/// from the command line counts for every request from a millisecond after the change on. On PostgreSQL,
/// where several API instances share the keys, the counter <c>api_key_version</c> takes the pragma's
/// place: a trigger bumps it with every change of a key, in the same transaction. It is asked beside
/// the requests while they keep coming, so a change counts at most 20 ms after it was committed.
/// </summary>
public sealed class ActiveKeyCache(ApiKeyStore store, Database database) : IDisposable
{
    /// <summary>Unknown secrets are not kept, so guessing cannot fill the cache; known keys are few.</summary>
    private const int MaxKeys = 10_000;

    private readonly Lock gate = new();
    private SqliteConnection? watch;
    private sqlite3_stmt? dataVersion;
    private static readonly long CheckEvery = System.Diagnostics.Stopwatch.Frequency / 1000;
    private Generation current = new(-1, -2 * CheckEvery);

    private const string VersionSql = "SELECT version FROM api_key_version WHERE singleton = 1";

    /// <summary>On PostgreSQL a check is a round trip to the server: asked at most every 5 ms, beside the requests.</summary>
    private static readonly long PostgresCheckEvery = System.Diagnostics.Stopwatch.Frequency / 200;

    /// <summary>How long a confirmed version stands on PostgreSQL while a check runs beside the requests.</summary>
    private static readonly long AskAfterPause = System.Diagnostics.Stopwatch.Frequency / 50;
    private int asking; // 1 while a check on PostgreSQL runs beside the requests
    private readonly AutoResetEvent wanted = new(false);
    private Thread? asker;
    private volatile bool disposed;

    /// <summary>The active (not revoked) key with this secret, or null.</summary>
    public ApiKeyRecord? FindActive(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = ApiKeySecret.Hash(secret);
        // The version is read before the lookup: a change committed after it empties the cache at the next request.
        var generation = Current();
        if (generation.Keys.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        var found = store.FindActive(secret);
        if (found is not null && generation.Keys.Count < MaxKeys)
        {
            generation.Keys.TryAdd(hash, found);
        }

        return found;
    }

    public void Dispose()
    {
        disposed = true;
        wanted.Set();
        if (asker is null || asker.Join(TimeSpan.FromSeconds(5)))
        {
            wanted.Dispose(); // never while the thread could still wait on it
        }

        lock (gate)
        {
            dataVersion?.Dispose();
            watch?.Dispose();
            (dataVersion, watch) = (null, null);
        }
    }

    private Generation Current()
    {
        var known = Volatile.Read(ref current);
        if (System.Diagnostics.Stopwatch.GetTimestamp() - known.CheckedAt < (database.IsPostgres ? PostgresCheckEvery : CheckEvery))
        {
            return known;
        }

        if (database.IsPostgres)
        {
            return CurrentOnPostgres(known);
        }

        lock (gate)
        {
            if (watch is null)
            {
                watch = (SqliteConnection)database.Open();
                // Stepped directly on SQLite's own statement: asked on every keyed request, it must cost next to nothing.
                Check(raw.sqlite3_prepare_v2(watch.Handle, "PRAGMA data_version", out var statement), watch);
                dataVersion = statement;
            }

            Check(raw.sqlite3_step(dataVersion), watch, raw.SQLITE_ROW);
            var version = raw.sqlite3_column_int64(dataVersion, 0);
            raw.sqlite3_reset(dataVersion);
            return Advance(version);
        }
    }

    /// <summary>
    /// A round trip to the server costs more than a request served from memory, and under load the request that made it
    /// was the slow one (the p99 of keyed reads, docs/benchmarks.md). While requests keep coming, the version confirmed a
    /// few milliseconds ago stands and the next check runs beside them; after a pause longer than
    /// <see cref="AskAfterPause"/> the request asks itself, so a key revoked while an instance was idle is refused at once.
    /// </summary>
    private Generation CurrentOnPostgres(Generation known)
    {
        var arrived = System.Diagnostics.Stopwatch.GetTimestamp();
        if (arrived - known.CheckedAt < AskAfterPause)
        {
            if (Interlocked.CompareExchange(ref asking, 1, 0) == 0)
            {
                StartAsker();
                wanted.Set();
            }

            return known;
        }

        lock (gate)
        {
            // Requests that queued here behind one that asked take its answer: it was asked after they arrived.
            if (current.CheckedAt >= arrived)
            {
                return current;
            }

            var asked = System.Diagnostics.Stopwatch.GetTimestamp();
            using var connection = database.Open();
            return Advance(connection.ExecuteScalar<long>(VersionSql), asked);
        }
    }

    /// <summary>
    /// The checks beside the requests run on a thread of their own: queued on the thread pool they waited behind the very
    /// requests they were to spare, past <see cref="AskAfterPause"/>, and the requests then asked themselves, one by one.
    /// </summary>
    private void StartAsker()
    {
        if (asker is not null)
        {
            return;
        }

        lock (gate)
        {
            if (asker is null)
            {
                asker = new Thread(AskWhenWanted) { IsBackground = true, Name = "api-key version" };
                asker.Start();
            }
        }
    }

    private void AskWhenWanted()
    {
        while (wanted.WaitOne() && !disposed)
        {
            try
            {
                var asked = System.Diagnostics.Stopwatch.GetTimestamp();
                using var connection = database.Open();
                var version = connection.ExecuteScalar<long>(VersionSql);
                lock (gate)
                {
                    // The counter only grows: an answer overtaken by a newer one is dropped.
                    if (version >= current.Version)
                    {
                        Advance(version, asked);
                    }
                }
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
            {
                // The next request after a pause asks itself and meets the error there.
            }
            finally
            {
                Volatile.Write(ref asking, 0);
            }
        }
    }

    /// <param name="version">The store's version.</param>
    /// <param name="asked">When the version was asked for: it holds from then, not from when the answer came.</param>
    private Generation Advance(long version, long? asked = null)
    {
        var now = asked ?? System.Diagnostics.Stopwatch.GetTimestamp();
        Volatile.Write(ref current, version == current.Version ? current.CheckedNow(now) : new Generation(version, now));
        return current;
    }

    private static void Check(int result, SqliteConnection connection, int expected = 0)
    {
        if (result != expected)
        {
            throw new SqliteException($"PRAGMA data_version failed: {raw.sqlite3_errmsg(connection.Handle).utf8_to_string()}", result);
        }
    }

    /// <summary>The keys found while the store was at one version, and when that version was last confirmed.</summary>
    private sealed class Generation(long version, long checkedAt, ConcurrentDictionary<string, ApiKeyRecord>? keys = null)
    {
        public long Version { get; } = version;

        public long CheckedAt { get; } = checkedAt;

        public ConcurrentDictionary<string, ApiKeyRecord> Keys { get; } = keys ?? new(StringComparer.Ordinal);

        public Generation CheckedNow(long now) => new(Version, now, Keys);
    }
}
