using System.Globalization;
using System.Net;
using System.Text;
using Dapper;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Write;

public sealed class ConcurrencyTests
{
    [Test]
    public async Task EightImportsAtOnce_UnderReadTraffic_AllSucceedOrFailCleanly_AndRowsAddUp()
    {
        await using var factory = new ReadinessFactory()
            .With("Readiness:RateLimit:ReadsPerWindow", "1000000")
            .With("Readiness:RateLimit:WritesPerWindow", "1000");
        using var client = factory.CreateClient();
        var key = factory.CreateKey(Role.Admin);
        List<string> bavaria;
        using (var connection = factory.Database().Open())
        {
            bavaria = [.. connection.Query<string>("SELECT ags FROM municipalities WHERE state_key = '09' ORDER BY ags")];
        }

        // Imports 0..5 are good (2,000 to 4,500 rows); 6 and 7 have a bad last row and must write nothing.
        var files = Enumerable.Range(0, 8).Select(i => File(bavaria, i, rows: 2_000 + (i * 500), badLastRow: i >= 6)).ToList();
        var before = factory.Written();

        using var done = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(r => Task.Run(async () =>
        {
            var (reads, failures) = (0, 0);
            while (!done.IsCancellationRequested)
            {
                using var response = await client.GetAsync(r == 0 ? "/api/v1/districts?state=09" : $"/api/v1/municipalities/{bavaria[reads % 50]}/assessments");
                reads++;
                failures += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
            }

            return (reads, failures);
        })).ToList();

        var imports = files.Select(file => Task.Run(async () =>
        {
            using var response = await client.SendAsync(Request(HttpMethod.Post, "/api/v1/assessments/import", key, Csv(file.Text)));
            return (file.Rows, file.Bad, Status: response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType);
        })).ToList();
        var results = await Task.WhenAll(imports);
        await done.CancelAsync();
        var reads = await Task.WhenAll(readers);

        foreach (var result in results)
        {
            if (result.Bad)
            {
                Assert.That((result.Status, result.Type), Is.EqualTo((HttpStatusCode.BadRequest, "application/problem+json")));
            }
            else
            {
                Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.ServiceUnavailable), "succeeds, or fails cleanly when the database stays busy");
            }
        }

        var succeeded = results.Where(r => r.Status == HttpStatusCode.OK).ToList();
        Assert.That(factory.Written(), Is.EqualTo((before.Assessments + succeeded.Sum(r => r.Rows), before.Audit + succeeded.Count)));
        Assert.That(succeeded, Has.Count.GreaterThan(0));
        Assert.That(reads.Sum(r => r.failures), Is.Zero, "reads go on while imports write");
        Assert.That(reads.Sum(r => r.reads), Is.GreaterThan(0));
    }

    private static (string Text, int Rows, bool Bad) File(List<string> municipalities, int import, int rows, bool badLastRow)
    {
        var text = new StringBuilder("ags;referenceDate;paidStaffFte;network;activeVolunteers\n");
        for (var i = 0; i < rows; i++)
        {
            // Each import has its own year, and within it a municipality repeats only on another day.
            var date = new DateOnly(2010 + import, 1, 1).AddDays(i / municipalities.Count);
            text.Append(CultureInfo.InvariantCulture, $"{municipalities[i % municipalities.Count]};{date:yyyy-MM-dd};{i % 7},5;ja;{i % 40}\n");
        }

        if (badLastRow)
        {
            text.Append(CultureInfo.InvariantCulture, $"{municipalities[0]};2099-01-01;x;vielleicht;-1\n");
        }

        return (text.ToString(), rows + (badLastRow ? 1 : 0), badLastRow);
    }
}
