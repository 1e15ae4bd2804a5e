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
/// place: a trigger bumps it with every change of a key, in the same transaction.
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
        if (System.Diagnostics.Stopwatch.GetTimestamp() - known.CheckedAt < CheckEvery)
        {
            return known;
        }

        if (database.IsPostgres)
        {
            // A round trip to the server takes longer than the check interval under load: one request asks while the
            // others answer from the version known until a moment ago, instead of queuing behind it one by one.
            if (!gate.TryEnter())
            {
                return known;
            }

            try
            {
                using var connection = database.Open();
                return Advance(connection.ExecuteScalar<long>("SELECT version FROM api_key_version WHERE singleton = 1"));
            }
            finally
            {
                gate.Exit();
            }
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

    private Generation Advance(long version)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
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
