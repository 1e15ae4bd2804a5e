namespace Readiness.Api.Infrastructure;

/// <summary>
/// Headers that tell browsers to be strict with every answer: no MIME sniffing, no referrer, no
/// framing, and a Content-Security-Policy under which Swagger UI and the Hangfire dashboard still work
/// (their scripts come from this service; both set inline styles and Swagger UI shows data: images).
/// HSTS is added by <c>UseHsts</c> for requests over HTTPS. Five headers do not need a library.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IWebHostBuilder webHost)
    {
        // The Server header only tells an attacker which server to look up vulnerabilities for.
        webHost.ConfigureKestrel(options => options.AddServerHeader = false);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.UseHsts();
        return app.Use((context, next) =>
        {
            // OnStarting, so that answers written by later middleware (problems, the dashboard, static files) carry them too.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.Remove("Server");
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
    }
}
