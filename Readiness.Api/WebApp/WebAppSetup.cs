using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;
using Readiness.Api.Exports;
using Readiness.Api.Runs;
using Readiness.Data.BaseData;

namespace Readiness.Api.WebApp;

/// <summary>
/// The planners' web app: static files under wwwroot (the page, its scripts and the vendored map library),
/// and every view's deep link answered with the same page, whose script draws the view.
/// </summary>
internal static class WebAppSetup
{
    /// <summary>The views' paths; everything else keeps its own answer (API problems, Swagger, the dashboard).</summary>
    private static readonly string[] Views = ["/", "/states/{key}", "/municipalities/{ags}", "/runs"];

    public static IServiceCollection AddWebApp(this IServiceCollection services) =>
        // The page's files and the map geometry travel compressed; the JSON answers do not: they are served as stored, and
        // compressing each would cost the read path more than it saves on a local network.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "application/geo+json", "image/svg+xml"];
        })
        .Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest)
        .Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);

    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Revalidate on every load (ETag): a new version of the page is seen at once.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        foreach (var view in Views)
        {
            app.MapGet(view, (IWebHostEnvironment environment) => TypedResults.PhysicalFile(
                    Path.Combine(environment.WebRootPath, "index.html"), "text/html; charset=utf-8"))
                .ExcludeFromDescription();
        }

        // The district page arrives with its name, map and municipalities in it (DistrictShell).
        app.MapGet("/districts/{key}", (string key, IWebHostEnvironment environment, PublishedRunCache cache, DistrictQueries districts, Boundaries boundaries) =>
                TypedResults.Content(
                    DistrictShell.Render(File.ReadAllText(Path.Combine(environment.WebRootPath, "index.html")), key, cache.Current, districts, boundaries),
                    "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return app;
    }
}
