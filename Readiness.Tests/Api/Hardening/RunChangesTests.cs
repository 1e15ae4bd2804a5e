using System.Net;
using Dapper;
using Readiness.Tests.Api.Write;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Hardening;

public sealed class RunChangesTests
{
    [TestCase("unchanged")]
    [TestCase("failed")]
    public async Task Changes_OfARunThatPublishedNothing_Are404_NotEveryPairEnded(string status)
    {
        await using var factory = new ReadinessFactory();
        using var client = factory.CreateClient();
        long current, id;
        using (var connection = factory.Database().Open())
        {
            current = connection.ExecuteScalar<long>("SELECT run_id FROM current_run");
            id = connection.ExecuteScalar<long>(
                """
                INSERT INTO runs (status, trigger, started_at, finished_at, heartbeat_at, owner)
                VALUES (@status, 'manual', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', '2026-01-01T00:00:01Z', 'test')
                RETURNING id
                """, new { status });
        }

        using var response = await client.GetAsync($"/api/v1/runs/{id}/changes?since={current}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Get<string>("detail"), Does.Contain("nichts veröffentlicht"));
        using var served = await client.GetAsync($"/api/v1/readiness?run={id}");
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "as ?run= treats it");
    }
}
