using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Benchmarks.Sizes;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;

namespace Readiness.Benchmarks.Imports;

/// <summary>
/// <c>import [--rows 100000] [--repeat 5] [--provider postgres --connection C]</c>: a CSV of German assessments posted to
/// <c>POST /api/v1/assessments/import</c> of the real service in this process (its whole pipeline:
/// authentication with a planner key, rate limiter, parsing, validation against the store, one
/// transaction). Each repetition starts from the same store; a dry run (parse and validate only) is
/// timed beside it, so the write's share shows.
/// </summary>
internal static class ImportBench
{
    public static int Run(Args args, TextWriter output)
    {
        var rows = args.Int("rows", 100_000);
        var repeat = args.Int("repeat", 5);
        var provider = BenchProvider.From(args);
        var template = BenchDatabases.Template(provider, BenchSize.Germany, output);
        output.WriteLine($"import --rows {rows} --repeat {repeat} on {provider.Name}; {Machine.Describe()}");

        var full = new List<double>();
        var dry = new List<double>();
        byte[]? body = null;
        for (var i = 0; i <= repeat; i++)
        {
            using var store = BenchStore.CopyOf(provider, template, "import");
            using (var host = new BenchHost(store))
            {
                var database = host.Services.GetRequiredService<Database>();
                var key = host.Services.GetRequiredService<ApiKeyStore>()
                    .Create($"bench {i}", Role.Planner, [], new AuditActor(null, "bench", "admin")).Secret;
                if (body is null)
                {
                    using var connection = database.Open();
                    var ags = connection.Query<string>("SELECT ags FROM municipalities ORDER BY ags").AsList();
                    body = ImportCsv.Build(ags, rows, new DateOnly(2025, 6, 30));
                    output.WriteLine($"  CSV: {rows} rows, {body.Length / 1024.0 / 1024:0.0} MiB, {ags.Count} municipalities");
                }

                using var client = host.CreateClient();
                var dryRun = Post(client, key, body, dryRun: true, rows);
                var write = Post(client, key, body, dryRun: false, rows);
                using var check = database.Open();
                var stored = check.ExecuteScalar<int>("SELECT count(*) FROM assessments WHERE source = 'surveyed'");
                if (stored != rows)
                {
                    throw new InvalidOperationException($"Expected {rows} stored rows, found {stored}.");
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  #{i}{(i == 0 ? " (first in the process, cold)" : "")}: import {write:0.000} s, dry run {dryRun:0.000} s, {stored} rows stored"));
                if (i > 0)
                {
                    full.Add(write);
                    dry.Add(dryRun);
                }
            }
        }

        output.WriteLine();
        new ImportResults(provider.Name, rows, full, dry, Machine.LoadAverage()).Save();
        output.WriteLine($"Import of {rows:N0} assessments (CSV, ';', decimal comma) on {provider.Name}, {repeat} repetitions; load {Machine.LoadAverage()}");
        output.WriteLine("| | median (min–max) s | rows/s |");
        output.WriteLine("| --- | --- | --- |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| import (parse, validate, write, audit) | {Stats.Of(full).Format("0.000")} | {rows / Stats.Of(full).Median:N0} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| dry run (parse, validate) | {Stats.Of(dry).Format("0.000")} | {rows / Stats.Of(dry).Median:N0} |"));
        return 0;
    }

    private static double Post(HttpClient client, string key, byte[] body, bool dryRun, int rows)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, dryRun ? "/api/v1/assessments/import?dryRun=true" : "/api/v1/assessments/import") { Content = content };
        request.Headers.Add("X-Api-Key", key);
        var clock = Stopwatch.StartNew();
        using var response = client.SendAsync(request).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        clock.Stop();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
        }

        var imported = JsonDocument.Parse(text).RootElement.GetProperty("rows").GetInt32();
        return imported == rows ? clock.Elapsed.TotalSeconds : throw new InvalidOperationException($"Imported {imported} of {rows} rows.");
    }
}

/// <summary>The import's figures, as JSON beside the other results (<c>providers</c> reads them).</summary>
internal sealed record ImportResults(string Provider, int Rows, IReadOnlyList<double> ImportSeconds, IReadOnlyList<double> DryRunSeconds, string LoadAverage)
{
    public void Save() => ResultFiles.Save($"import-{Provider}", this);

    public static ImportResults? Load(string provider) => ResultFiles.Load<ImportResults>($"import-{provider}");
}
