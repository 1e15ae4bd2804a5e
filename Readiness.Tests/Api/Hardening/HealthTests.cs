using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Tests.Api.Write;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Hardening;

public sealed class HealthTests
{
    [TestCase("run_scores", "current run")]
    [TestCase("assessments", "assessments")]
    public async Task Health_Is503NamingThePart_WhenItsPagesAreDamaged(string table, string part)
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        long rootPage, pageSize;
        using (var connection = factory.Database().Open())
        {
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            rootPage = connection.ExecuteScalar<long>("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = @table", new { table });
            pageSize = connection.ExecuteScalar<long>("PRAGMA page_size");
        }

        SqliteConnection.ClearAllPools();
        using (var file = new FileStream(factory.DatabasePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.Position = (rootPage - 1) * pageSize;
            file.Write([.. Enumerable.Repeat((byte)0x5A, (int)pageSize)]);
        }

        using var response = await client.GetAsync("/health");

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.That(problem.Get<string>("detail"), Does.Contain(part).And.Contain("damaged").And.Not.Contain("SQLite"));
    }
}
