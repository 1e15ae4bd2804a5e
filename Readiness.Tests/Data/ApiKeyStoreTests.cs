using Dapper;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;
using Readiness.Tests.Support;

namespace Readiness.Tests.Data;

[TestFixtureSource(typeof(Providers), nameof(Providers.Both))]
public sealed class ApiKeyStoreTests(DatabaseProvider provider)
{
    private TestDatabase? test;
    private Database database = null!;
    private ApiKeyStore store = null!;

    [SetUp]
    public void CreateDatabase()
    {
        test = new TestDatabase(provider);
        database = test.Database;
        store = new ApiKeyStore(database);
    }

    [TearDown]
    public void Cleanup()
    {
        test?.Dispose();
    }

    [Test]
    public void Create_StoresOnlyTheHash_AndFindActiveFindsTheKeyBySecret()
    {
        var (key, secret) = store.Create("Landratsamt Starnberg", Role.Planner, ["09188", "09190"], AuditActor.CommandLine());

        using var connection = database.Open();
        var stored = connection.QuerySingle<(string Hash, string Prefix)>("SELECT key_hash, key_prefix FROM api_keys WHERE id = @id", new { id = key.Id });
        Assert.That(stored.Hash, Is.EqualTo(ApiKeySecret.Hash(secret)).And.Not.Contain(secret[4..]));
        Assert.That(stored.Prefix, Is.EqualTo(secret[..8]));
        Assert.That(store.FindActive(secret), Is.EqualTo(key).Using<ApiKeyRecord>((a, b) => a.Id == b.Id && a.Districts.SequenceEqual(b.Districts)));
        Assert.That(key.Districts, Is.EqualTo(new[] { "09188", "09190" }));
        Assert.That(store.FindActive(secret + "x"), Is.Null);
        Assert.That(store.FindActive("not-a-key"), Is.Null);
    }

    [Test]
    public void Cache_AnswersFromMemory_UntilAnotherConnectionChangesTheStore()
    {
        var (key, secret) = store.Create("Partner", Role.Reader, [], AuditActor.CommandLine());
        using var cache = new ActiveKeyCache(store, database);
        Assert.That(cache.FindActive(secret)?.Id, Is.EqualTo(key.Id));
        Assert.That(cache.FindActive("rdy_unknown"), Is.Null);

        // Another process's keys command (or, on PostgreSQL, another API instance): its own database object, its own connections.
        new ApiKeyStore(test!.Another()).Revoke("Partner", AuditActor.CommandLine());
        // A change counts a millisecond after it on SQLite, at most 20 ms after it on PostgreSQL (checked beside the requests).
        var settle = database.IsPostgres ? 25 : 5;
        Thread.Sleep(settle);

        Assert.That(cache.FindActive(secret), Is.Null, "a revocation counts from the next request after that");
        var (again, newSecret) = store.Create("Partner", Role.Reader, [], AuditActor.CommandLine());
        Thread.Sleep(settle);
        Assert.That(cache.FindActive(newSecret)?.Id, Is.EqualTo(again.Id));
    }

    [Test]
    public void Revoke_ByNameOrId_RefusesTheKey_AndFreesTheName()
    {
        var first = store.Create("Partner", Role.Reader, [], AuditActor.CommandLine());
        Assert.Throws<ArgumentException>(() => store.Create("Partner", Role.Reader, [], AuditActor.CommandLine()));

        var revoked = store.Revoke("Partner", AuditActor.CommandLine());

        Assert.That(revoked!.IsRevoked, Is.True);
        Assert.That(store.FindActive(first.Secret), Is.Null);
        Assert.That(store.Revoke("Partner", AuditActor.CommandLine()), Is.Null, "nothing left to revoke");
        var second = store.Create("Partner", Role.Reader, [], AuditActor.CommandLine());
        Assert.That(store.Revoke(second.Key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditActor.CommandLine())!.Id, Is.EqualTo(second.Key.Id));
        Assert.That(store.List().Select(k => k.IsRevoked), Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void Create_RejectsUnknownDistricts_AndDistrictsOnNonPlannerKeys()
    {
        Assert.That(() => store.Create("x", Role.Planner, ["99999"], AuditActor.CommandLine()), Throws.ArgumentException.With.Message.Contains("99999"));
        Assert.That(() => store.Create("x", Role.Admin, ["09188"], AuditActor.CommandLine()), Throws.ArgumentException.With.Message.Contains("planner"));
        Assert.That(store.List(), Is.Empty);
    }

    [Test]
    public void AuditLog_Record_IsRolledBackWithItsTransaction()
    {
        var actor = new AuditActor(null, "test", "admin");

        Assert.Throws<InvalidOperationException>(() => database.InTransaction((connection, transaction) =>
        {
            AuditLog.Record(connection, transaction, new AuditEntry(actor, AuditActions.ProfileUpdate, "default", new { version = 2 }));
            throw new InvalidOperationException("the write failed");
        }));
        database.InTransaction((connection, transaction) =>
            AuditLog.Record(connection, transaction, new AuditEntry(actor, AuditActions.RunStart, "run 7", new { trigger = "api", note = (string?)null })));

        var (items, total) = new AuditQueries(database).List(new AuditFilter(), 1, 10);
        Assert.That(total, Is.EqualTo(1));
        Assert.That((items[0].Action, items[0].Target, items[0].Changes), Is.EqualTo((AuditActions.RunStart, "run 7", "{\"trigger\":\"api\"}")));
    }
}
