using System.Data;
using System.Text.Json;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Readiness.Scoring.Scores;

namespace Readiness.Data.Profiles;

/// <summary>A stored scoring profile with its bookkeeping.</summary>
public sealed record StoredProfile(string Name, ScoringProfile Profile, bool Builtin, bool Nightly, long Version, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>Scoring profiles, stored as JSON documents.</summary>
public sealed class ProfileStore(Database database)
{
    public IReadOnlyList<StoredProfile> List()
    {
        using var connection = database.Open();
        return All(connection, null);
    }

    public StoredProfile? Find(string name)
    {
        using var connection = database.Open();
        return connection.Query<ProfileRow>(
            "SELECT name, definition, builtin, nightly, version, updated_at, updated_by FROM profiles WHERE name = @name",
            new { name }).Select(ToStored).FirstOrDefault();
    }

    public static IReadOnlyList<StoredProfile> All(IDbConnection connection, IDbTransaction? transaction) =>
        [.. connection.Query<ProfileRow>(
            "SELECT name, definition, builtin, nightly, version, updated_at, updated_by FROM profiles ORDER BY builtin DESC, name",
            transaction: transaction).Select(ToStored)];

    /// <summary>Stores the built-in profile when the store has none of that name; an edited one is left as it is.</summary>
    public void EnsureBuiltin(ScoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var connection = database.Open();
        connection.Execute(
            """
            INSERT INTO profiles (name, definition, builtin, nightly, version, updated_at, updated_by)
            VALUES (@Name, @definition, 1, @Nightly, 1, @now, 'seed')
            ON CONFLICT (name) DO NOTHING
            """,
            new { profile.Name, definition = JsonSerializer.Serialize(profile, ScoringJson.Options), Nightly = Flag(profile.Nightly), now = DateTimeOffset.UtcNow });
    }

    /// <summary>Creates or replaces a profile inside the caller's transaction; returns its new version.</summary>
    public static long Save(DbConnection connection, IDbTransaction transaction, ScoringProfile profile, string updatedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return connection.ExecuteScalar<long>(
            """
            INSERT INTO profiles (name, definition, builtin, nightly, version, updated_at, updated_by)
            VALUES (@Name, @definition, 0, @Nightly, 1, @now, @updatedBy)
            ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, nightly = excluded.nightly,
                version = profiles.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            RETURNING version
            """,
            new { profile.Name, definition = JsonSerializer.Serialize(profile, ScoringJson.Options), Nightly = Flag(profile.Nightly), now, updatedBy },
            transaction);
    }

    // Flags are stored as 0/1 on both providers; PostgreSQL does not take a boolean for a bigint column.
    private static int Flag(bool value) => value ? 1 : 0;

    private static StoredProfile ToStored(ProfileRow row) => new(
        row.Name,
        JsonSerializer.Deserialize<ScoringProfile>(row.Definition, ScoringJson.Options)
            ?? throw new InvalidOperationException($"Profile {row.Name} is stored empty."),
        row.Builtin != 0, row.Nightly != 0, row.Version, row.UpdatedAt, row.UpdatedBy);

    private sealed record ProfileRow(string Name, string Definition, long Builtin, long Nightly, long Version, DateTimeOffset UpdatedAt, string UpdatedBy);
}
