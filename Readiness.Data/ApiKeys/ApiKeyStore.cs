using System.Globalization;
using Dapper;
using Readiness.Data.Audit;

namespace Readiness.Data.ApiKeys;

/// <summary>A key as stored: everything but the key itself, which is never stored.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Name">Who holds it, e.g. "Landratsamt Starnberg"; unique among active keys.</param>
/// <param name="Role">What it may do.</param>
/// <param name="Districts">District keys it may write in; empty = everywhere.</param>
/// <param name="KeyPrefix">The first characters of the key, to recognise it.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
public sealed record ApiKeyRecord(
    long Id, string Name, Role Role, IReadOnlyList<string> Districts, string KeyPrefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A new key and the secret, which exists only in this object and the caller's hands.</summary>
public sealed record CreatedApiKey(ApiKeyRecord Key, string Secret);

/// <summary>Creates, lists, revokes and looks up API keys. Creating and revoking are audited.</summary>
public sealed class ApiKeyStore(Database database)
{
    public const int MaxNameLength = 100;

    private const string SelectSqlite =
        """
        SELECT k.id, k.name, k.role, k.key_prefix, k.created_at, k.revoked_at,
               (SELECT group_concat(district_key, ',') FROM (
                    SELECT district_key FROM api_key_districts WHERE key_id = k.id ORDER BY district_key)) AS districts
        FROM api_keys k
        """;

    // The store's one dialect difference: PostgreSQL joins the district keys with string_agg.
    private const string SelectPostgres =
        """
        SELECT k.id, k.name, k.role, k.key_prefix, k.created_at, k.revoked_at,
               (SELECT string_agg(district_key, ',' ORDER BY district_key) FROM api_key_districts WHERE key_id = k.id) AS districts
        FROM api_keys k
        """;

    private string Select => database.IsPostgres ? SelectPostgres : SelectSqlite;

    /// <summary>Creates a key; throws <see cref="ArgumentException"/> with a message for the user when the request is not possible.</summary>
    public CreatedApiKey Create(string name, Role role, IReadOnlyCollection<string> districts, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(districts);
        ArgumentNullException.ThrowIfNull(actor);
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A key needs a name of 1 to {MaxNameLength} characters, e.g. \"Landratsamt Starnberg\".", nameof(name));
        }

        if (districts.Count > 0 && role != Role.Planner)
        {
            throw new ArgumentException("Only planner keys can be limited to districts: readers read everything, admins manage everything.", nameof(districts));
        }

        var secret = ApiKeySecret.NewKey();
        var now = DateTimeOffset.UtcNow;
        var id = database.InTransaction((connection, transaction) =>
        {
            var unknown = districts.Where(d => connection.ExecuteScalar<int>(
                "SELECT count(*) FROM districts WHERE key = @d", new { d }, transaction) == 0).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"No district has the key {string.Join(", ", unknown)}: expected the 5-digit key of a district, e.g. 09188.", nameof(districts));
            }

            if (connection.ExecuteScalar<int>("SELECT count(*) FROM api_keys WHERE name = @name AND revoked_at IS NULL", new { name }, transaction) > 0)
            {
                throw new ArgumentException($"An active key named \"{name}\" exists already: revoke it first or choose another name.", nameof(name));
            }

            var id = connection.ExecuteScalar<long>(
                """
                INSERT INTO api_keys (name, role, key_hash, key_prefix, created_at)
                VALUES (@name, @role, @hash, @prefix, @createdAt)
                RETURNING id
                """,
                new { name, role = Roles.Name(role), hash = ApiKeySecret.Hash(secret), prefix = ApiKeySecret.Shown(secret), createdAt = Text(now) },
                transaction);
            foreach (var district in districts.Distinct(StringComparer.Ordinal))
            {
                connection.Execute("INSERT INTO api_key_districts (key_id, district_key) VALUES (@id, @district)", new { id, district }, transaction);
            }

            AuditLog.Record(connection, transaction, new AuditEntry(actor, AuditActions.KeyCreate, name,
                new { keyId = id, role = Roles.Name(role), districts = districts.Order(StringComparer.Ordinal).ToArray() }) { At = now });
            return id;
        });
        return new CreatedApiKey(Find(id)!, secret);
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public IReadOnlyList<ApiKeyRecord> List()
    {
        using var connection = database.Open();
        return [.. connection.Query<KeyRow>($"{Select} ORDER BY k.id").Select(ToRecord)];
    }

    public ApiKeyRecord? Find(long id)
    {
        using var connection = database.Open();
        return connection.Query<KeyRow>($"{Select} WHERE k.id = @id", new { id }).Select(ToRecord).FirstOrDefault();
    }

    /// <summary>The active (not revoked) key with this secret, or null. One indexed lookup: cheap enough for every request.</summary>
    public ApiKeyRecord? FindActive(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        using var connection = database.Open();
        return connection.Query<KeyRow>($"{Select} WHERE k.key_hash = @hash AND k.revoked_at IS NULL", new { hash = ApiKeySecret.Hash(secret) })
            .Select(ToRecord).FirstOrDefault();
    }

    /// <summary>
    /// Revokes the active key with this name, or the key with this id; returns it, or null if there is none.
    /// A name wins over an id, so a key named "12" is found by its name.
    /// </summary>
    public ApiKeyRecord? Revoke(string nameOrId, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        ArgumentNullException.ThrowIfNull(actor);
        var now = DateTimeOffset.UtcNow;
        var id = database.InTransaction((connection, transaction) =>
        {
            var id = connection.ExecuteScalar<long?>(
                "SELECT id FROM api_keys WHERE name = @name AND revoked_at IS NULL", new { name = nameOrId.Trim() }, transaction);
            if (id is null && long.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                id = connection.ExecuteScalar<long?>("SELECT id FROM api_keys WHERE id = @number AND revoked_at IS NULL", new { number }, transaction);
            }

            if (id is null)
            {
                return null;
            }

            connection.Execute("UPDATE api_keys SET revoked_at = @now WHERE id = @id", new { now = Text(now), id }, transaction);
            var name = connection.ExecuteScalar<string>("SELECT name FROM api_keys WHERE id = @id", new { id }, transaction);
            AuditLog.Record(connection, transaction, new AuditEntry(actor, AuditActions.KeyRevoke, name, new { keyId = id }) { At = now });
            return id;
        });
        return id is null ? null : Find(id.Value);
    }

    private static string Text(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static ApiKeyRecord ToRecord(KeyRow r) => new(
        r.Id, r.Name, Roles.Parse(r.Role),
        string.IsNullOrEmpty(r.Districts) ? [] : r.Districts.Split(','),
        r.KeyPrefix, Time(r.CreatedAt), r.RevokedAt is null ? null : Time(r.RevokedAt));

    // Properties, not a constructor: for an empty result SQLite reports the districts expression as a BLOB,
    // which Dapper cannot match to a string constructor parameter.
    private sealed class KeyRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string Role { get; init; } = "";

        public string KeyPrefix { get; init; } = "";

        public string CreatedAt { get; init; } = "";

        public string? RevokedAt { get; init; }

        public string? Districts { get; init; }
    }
}
