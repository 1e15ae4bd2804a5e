using System.Net;
using Readiness.Api.Auth;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

/// <summary>The keys command run in-process as <c>dotnet run -- keys ...</c> would run it, against the running app's data folder.</summary>
public sealed class KeysCliTests
{
    private ReadinessFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new ReadinessFactory();
        client = factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    private static (int Code, string Output, string Error) Keys(string dataDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = KeysCommand.Run(["keys", .. args, $"--Readiness:DataDirectory={dataDirectory}"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Create_PrintsTheKeyAloneOnTheLastLine_ItWorks_AndRevokeRefusesIt()
    {
        var (code, output, _) = Keys(factory.DataDirectory, "create", "--role", "planner", "--district", Starnberg, "--name", "Landratsamt Starnberg");
        Assert.That(code, Is.EqualTo(KeysCommand.Ok));
        var key = output.TrimEnd('\r', '\n').Split('\n')[^1].TrimEnd('\r');
        Assert.That(key, Does.Match("^rdy_[A-Za-z0-9_-]{43}$"));

        using (var created = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", key, Json(ValidBody()))))
        {
            var body = await created.ReadJsonAsync(HttpStatusCode.Created);
            Assert.That(body.Get<string>("recordedBy"), Is.EqualTo("Landratsamt Starnberg"));
        }

        using (var outside = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/municipalities/09162000/assessments", key, Json(ValidBody()))))
        {
            await outside.ReadProblemAsync(HttpStatusCode.Forbidden);
        }

        var list = Keys(factory.DataDirectory, "list");
        Assert.That(list.Code, Is.EqualTo(KeysCommand.Ok));
        Assert.That(list.Output, Does.Contain("Landratsamt Starnberg").And.Contain("planner").And.Contain(Starnberg).And.Contain(key[..8]));
        Assert.That(list.Output, Does.Not.Contain(key), "the key is never shown again");

        var revoke = Keys(factory.DataDirectory, "revoke", "Landratsamt Starnberg");
        Assert.That(revoke.Code, Is.EqualTo(KeysCommand.Ok), revoke.Error);

        using var refused = await client.SendAsync(Request(HttpMethod.Post, $"/api/v1/municipalities/{Andechs}/assessments", key, Json(ValidBody())));
        await refused.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.That(Keys(factory.DataDirectory, "list").Output, Does.Match(@"Landratsamt Starnberg\s+planner\s+09188\s+\S+ \S+ UTC\s+\d{4}-"), "listed as revoked");
    }

    [Test]
    public async Task KeyManagement_IsAudited_AsTheCommandLine()
    {
        var (_, output, _) = Keys(factory.DataDirectory, "create", "--role", "admin", "--name", "Audit reader");
        var admin = output.TrimEnd().Split('\n')[^1].Trim();

        var audit = await (await client.SendAsync(Request(HttpMethod.Get, "/api/v1/audit?action=key.create&target=Audit%20reader", admin))).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(audit.Get<int>("total"), Is.EqualTo(1));
        Assert.That(audit["items"]![0]!.Get<string>("keyName"), Does.StartWith("command line"));
        Assert.That(audit["items"]![0]!["changes"]!.Get<string>("role"), Is.EqualTo("admin"));
    }

    [TestCase(new[] { "create", "--role", "boss", "--name", "x" }, KeysCommand.Usage, "role")]
    [TestCase(new[] { "create", "--role", "admin", "--name", "x", "--district", "09188" }, KeysCommand.Failed, "Only planner keys")]
    [TestCase(new[] { "create", "--role", "planner", "--name", "x", "--district", "99999" }, KeysCommand.Failed, "99999")]
    [TestCase(new[] { "create", "--role", "planner" }, KeysCommand.Failed, "name")]
    [TestCase(new[] { "revoke", "nobody" }, KeysCommand.Failed, "nobody")]
    [TestCase(new[] { "rotate" }, KeysCommand.Usage, "not a keys command")]
    public void BadCommands_ExitNonZero_WithAMessageOnStandardError(string[] args, int code, string message)
    {
        var result = Keys(factory.DataDirectory, args);

        Assert.That(result.Code, Is.EqualTo(code));
        Assert.That(result.Error, Does.Contain(message));
        Assert.That(result.Output, Does.Not.Contain("rdy_"));
    }

    [TestCase("")]
    [TestCase("help")]
    [TestCase("--help")]
    public void Usage_AloneOrAsked_PrintsUsage_AndExits2(string verb)
    {
        var result = Keys(factory.DataDirectory, verb.Length == 0 ? [] : [verb]);

        Assert.That(result.Code, Is.EqualTo(KeysCommand.Usage));
        Assert.That(result.Output, Does.Contain("Usage:"));
    }

    [Test]
    public void Create_OnAFreshDataFolder_MigratesAndSeedsFirst()
    {
        var fresh = SeededDatabase.NewDirectory();
        try
        {
            var (code, output, error) = Keys(fresh, "create", "--role", "reader", "--name", "Partner tool");

            Assert.That(code, Is.EqualTo(KeysCommand.Ok), error);
            Assert.That(output.TrimEnd().Split('\n')[^1], Does.StartWith("rdy_"));
            Assert.That(File.Exists(Path.Combine(fresh, "readiness.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(fresh, recursive: true);
        }
    }
}
