using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Benchmarks.ReadPath;
using Readiness.Benchmarks.Runs;
using Readiness.Benchmarks.Sizes;

namespace Readiness.Benchmarks.WebApp;

/// <summary>
/// <c>webapp [--repeat 5]</c>: the Release build of the service on loopback over a German store with a
/// published run, and Debian's Chromium (Playwright, headless) opening the web app's views in a fresh
/// browser context each time (nothing cached). Reported: the time from the start of navigation until
/// the view is drawn and usable (the page's <c>view-ready</c> mark, set after its data arrived and its
/// map and table were drawn), and the size of the page's own code and styles as served compressed.
/// </summary>
internal static class WebAppBench
{
    private static readonly (string Name, string Path, double TargetMs)[] Views =
    [
        ("district 09188 (14 municipalities)", "/districts/09188", 1000),
        ("municipality 09188117", "/municipalities/09188117", 1000),
        ("Bavaria (2,056 municipalities)", "/states/09", 2000),
    ];

    private static readonly string[] OwnFiles =
    [
        "/", "/app/app.css", "/app/main.js", "/app/api.js", "/app/dom.js", "/app/i18n.js", "/app/map.js",
        "/app/views/start.js", "/app/views/district.js", "/app/views/municipality.js", "/app/views/runs.js", "/app/views/state.js",
    ];

    public static int Run(Args args, TextWriter output)
    {
        var repeat = args.Int("repeat", 5);
        var chromium = Environment.GetEnvironmentVariable("READINESS_CHROMIUM") ?? "/usr/bin/chromium";
        var api = Repository.ApiAssembly();
        if (!File.Exists(api) || !File.Exists(chromium))
        {
            output.WriteLine($"Needs the Release build (dotnet build -c Release) and Chromium (apt-get install chromium): {api}, {chromium}.");
            return 1;
        }

        var directory = RunPublisher.PublishOnCopy(BenchDatabases.Template(BenchSize.Germany, output), "webapp");
        var url = $"http://127.0.0.1:{ReadPathBench.FreePort()}";
        using var server = ReadPathBench.StartServer(api, directory, url);
        try
        {
            ReadPathBench.WaitUntilUp(url, server);
            output.WriteLine($"webapp: {repeat} loads per view, each in a fresh browser context; {Machine.Describe()}");
            var failed = MeasureViews(url, chromium, repeat, output).GetAwaiter().GetResult();
            failed += MeasureSize(url, output).GetAwaiter().GetResult();
            return failed == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            Repository.TryDelete(directory);
        }
    }

    private static async Task<int> MeasureViews(string url, string chromium, int repeat, TextWriter output)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        output.WriteLine("| view | ready after navigation, ms: median (min–max) | target |");
        output.WriteLine("| --- | --- | --- |");
        var failed = 0;
        foreach (var (name, path, target) in Views)
        {
            var times = new List<double>();
            for (var i = 0; i < repeat + 1; i++)
            {
                await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url, Locale = "de-DE" });
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                var ready = await page.WaitForFunctionAsync("() => performance.getEntriesByName('view-ready').length > 0 && performance.getEntriesByName('view-ready')[0].startTime",
                    null, new PageWaitForFunctionOptions { Timeout = 60_000 });
                var ms = await ready.JsonValueAsync<double>();
                if (i > 0)
                {
                    // The first load warms the service (JIT, caches); the rest are what a planner sees.
                    times.Add(ms);
                }
            }

            var stats = Stats.Of(times);
            failed += stats.Median <= target ? 0 : 1;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {stats.Format("0")} | ≤ {target:0} |"));
        }

        return failed;
    }

    private static async Task<int> MeasureSize(string url, TextWriter output)
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url) };
        long total = 0;
        foreach (var path in OwnFiles)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await client.SendAsync(request);
            total += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        using var geometry = new HttpRequestMessage(HttpMethod.Get, "/api/v1/export/municipalities.geojson?state=09");
        geometry.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var geometryResponse = await client.SendAsync(geometry);
        var geometryBytes = (await geometryResponse.Content.ReadAsByteArrayAsync()).Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Page code and styles as served compressed: {total / 1024.0:0.0} KiB (target < 300 KiB, Leaflet aside); Bavaria's geometry compressed: {geometryBytes / 1024.0:0} KiB ({geometryResponse.Content.Headers.ContentEncoding.FirstOrDefault() ?? "identity"})."));
        return total < 300 * 1024 ? 0 : 1;
    }
}
