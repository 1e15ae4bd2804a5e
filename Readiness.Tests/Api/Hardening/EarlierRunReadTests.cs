using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Runs;
using Readiness.Tests.Api.Write;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Hardening;

/// <summary>An earlier run's single answer is read from the store by run and AGS, without loading that run into memory.</summary>
public sealed class EarlierRunReadTests
{
    private const string Ags = "09188139";

    [Test]
    public async Task EarlierRun_SingleReadiness_IsServedFromTheStore_WithoutLoadingTheRun()
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        var current = await client.GetAsync($"/api/v1/municipalities/{Ags}/readiness");
        var currentBody = await current.Content.ReadAsStringAsync();
        var earlier = CopyCurrentRunAs(factory, published: true);
        var unpublished = CopyCurrentRunAs(factory, published: false);

        using var response = await client.GetAsync($"/api/v1/municipalities/{Ags}/readiness?run={earlier}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(currentBody), "the same stored answer");
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"run-{earlier}\""));
        Assert.That(response.Headers.GetValues("X-Run-Id").Single(), Is.EqualTo(earlier.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(factory.Services.GetRequiredService<PublishedRunCache>().EarlierRunsHeld, Is.Zero, "the earlier run was not loaded");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/municipalities/{Ags}/readiness?run={earlier}");
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.That((await client.SendAsync(conditional)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        await (await client.GetAsync($"/api/v1/municipalities/{Ags}/readiness?run={unpublished}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/municipalities/09999999/readiness?run={earlier}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync($"/api/v1/municipalities/{Ags}/readiness?run=999999")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A run whose stored scores and peer groups are the current run's: enough for reads by run and AGS.</summary>
    private static long CopyCurrentRunAs(ReadinessFactory factory, bool published)
    {
        using var connection = factory.Database().Open();
        var current = connection.ExecuteScalar<long>("SELECT run_id FROM current_run");
        var id = connection.ExecuteScalar<long>(
            """
            INSERT INTO runs (status, trigger, started_at, finished_at, heartbeat_at, owner, published_at)
            VALUES (@status, 'manual', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '2026-01-01T00:00:01Z', 'test', @publishedAt)
            RETURNING id
            """, new { status = published ? "succeeded" : "failed", publishedAt = published ? "2026-01-01T00:00:01Z" : null });
        connection.Execute(
            """
            INSERT INTO run_scores (run_id, profile, ags, score, tier, coverage, rank_all, rank_district, rank_peer_group, rank_low, rank_high, rank_median, data_quality, assessment_id, detail)
            SELECT @id, profile, ags, score, tier, coverage, rank_all, rank_district, rank_peer_group, rank_low, rank_high, rank_median, data_quality, assessment_id, detail
            FROM run_scores WHERE run_id = @current
            """, new { id, current });
        connection.Execute(
            "INSERT INTO run_peer_groups (run_id, id, label, size, detail) SELECT @id, id, label, size, detail FROM run_peer_groups WHERE run_id = @current",
            new { id, current });
        return id;
    }
}
