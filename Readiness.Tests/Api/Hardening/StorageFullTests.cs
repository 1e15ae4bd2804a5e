using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Infrastructure;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Hardening;

/// <summary>A full disk is the storage's problem: a 503 saying so, and a run's error names it at its stage.</summary>
public sealed class StorageFullTests
{
    [TestCase(13, "database or disk is full")]
    [TestCase(10, "disk I/O error")]
    public async Task AWriteThatFindsTheDiskFull_Is503StorageFull_Not500(int code, string message)
    {
        await using var factory = new ReadinessFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new FailingWrite(new SqliteException($"SQLite Error {code}: '{message}'.", code)))));
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/test/storage-full", new StringContent("{}"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.That(problem.Get<string>("title"), Is.EqualTo("Speicher voll"));
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public void ARunThatFindsTheDiskFull_FailsWithThatReason()
    {
        var error = StorageErrors.Describe(new InvalidOperationException("write failed", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13)));

        Assert.That(error, Does.StartWith("storage full:").And.Contain("database or disk is full"));
        Assert.That(StorageErrors.Describe(new InvalidOperationException("other")), Is.EqualTo("InvalidOperationException: other"));
    }

    /// <summary>Answers one path, after every endpoint of the app, by throwing what SQLite throws on a full disk.</summary>
    private sealed class FailingWrite(Exception exception) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) => context.Request.Path == "/test/storage-full" ? throw exception : Task.CompletedTask);
        };
    }
}
