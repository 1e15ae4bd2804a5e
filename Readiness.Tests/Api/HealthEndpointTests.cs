using System.Net;
using Microsoft.Data.Sqlite;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api;

public sealed class HealthEndpointTests
{
    [Test]
    public async Task Health_IsOk_WhenTheDatabaseAnswers()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();

        var health = await (await client.GetAsync("/health")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(health.Get<string>("status"), Is.EqualTo("healthy"));
        Assert.That(health.Get<int>("municipalities"), Is.EqualTo(10_752));
    }

    [Test]
    public async Task Live_IsAConstantJsonAnswer_WithoutTheDatabase()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/live");
        var live = await response.ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(live.Get<string>("status"), Is.EqualTo("live"));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public async Task Health_Is503Problem_WhenTheDatabaseFails()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        await (await client.GetAsync("/health")).ReadJsonAsync(HttpStatusCode.OK);

        // Break the store under the running service.
        using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE neighbours; DROP TABLE municipalities;";
            command.ExecuteNonQuery();
        }

        var problem = await (await client.GetAsync("/health")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Not.Contain("SQLite"), "no exception text leaks");
    }

    [Test]
    public async Task FirstStart_OnAnEmptyDataFolder_CreatesAndSeedsTheDatabase()
    {
        await using var factory = new ReadinessFactory(ReadinessFactory.Seed.None);
        using var client = factory.CreateClient();

        var health = await (await client.GetAsync("/health")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(health.Get<int>("municipalities"), Is.EqualTo(10_752));
        Assert.That(File.Exists(factory.DatabasePath), Is.True);
    }
}
