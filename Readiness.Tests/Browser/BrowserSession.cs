using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Readiness.Tests.Support;

namespace Readiness.Tests.Browser;

/// <summary>
/// The real service on a loopback port (Kestrel) and Debian's Chromium driven by Playwright. Without a
/// Chromium the browser tests are skipped with a message; on CI (CI=true) that is a failure instead.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private readonly ReadinessFactory factory;
    private readonly IPlaywright playwright;

    private BrowserSession(ReadinessFactory factory, IPlaywright playwright, IBrowser browser, Uri address)
    {
        this.factory = factory;
        this.playwright = playwright;
        Browser = browser;
        Address = address;
    }

    public IBrowser Browser { get; }

    public Uri Address { get; }

    public ReadinessFactory Factory => factory;

    public static async Task<BrowserSession> StartAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("READINESS_CHROMIUM") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);
        if (chromium is null || !File.Exists(chromium))
        {
            const string message = "No Chromium found (apt-get install chromium, or set READINESS_CHROMIUM): the browser tests are skipped.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var factory = new ReadinessFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)))
            .First();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
        return new BrowserSession(factory, playwright, browser, address);
    }

    /// <summary>A fresh page in a browser whose language is <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "de-DE")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(), Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
    }
}
