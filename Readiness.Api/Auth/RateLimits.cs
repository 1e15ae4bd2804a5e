using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Readiness.Api.Localization;

namespace Readiness.Api.Auth;

/// <summary>The <c>Readiness:RateLimit</c> configuration section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Readiness:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Reads (GET) per window, per API key or, without a key, per client address.</summary>
    [Range(1, int.MaxValue)]
    public int ReadsPerWindow { get; set; } = 600;

    /// <summary>Writes (POST, PUT, DELETE, ...) per window, per API key or client address.</summary>
    [Range(1, int.MaxValue)]
    public int WritesPerWindow { get; set; } = 60;

    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// One global limiter over <c>/api</c> with fixed windows, partitioned by the API key (its id, never
/// the secret) or, without a valid key, by the client address. Writes and reads have separate budgets.
/// Behind a reverse proxy, enable forwarded headers so the client address is the real one.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddReadinessRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, PartitionKey>(Partition);
            limiter.OnRejected = Reject;
        });
        return services;
    }

    /// <summary>
    /// Whose budget a request spends: a value, not a string built per request, since the limiter asks on
    /// every request. The limit and window are part of it, so a changed setting starts fresh windows.
    /// </summary>
    private readonly record struct PartitionKey(bool Write, bool Dashboard, long? KeyId, IPAddress? Address, int Limit, int WindowSeconds);

    private static RateLimitPartition<PartitionKey> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var dashboard = IsDashboard(context);
        if (!options.Enabled || !(dashboard || context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)))
        {
            return RateLimitPartition.GetNoLimiter(default(PartitionKey));
        }

        // The dashboard takes admin keys (also as a basic-auth password): it gets the write budget, in a partition
        // of its own, so that guessing keys there ends in 429 like any write, without spending the API's writes.
        var write = dashboard || IsWrite(context);
        var limit = write ? options.WritesPerWindow : options.ReadsPerWindow;
        var caller = Caller.Find(context.User);
        var key = new PartitionKey(write, dashboard, caller?.KeyId, caller is null ? context.Connection.RemoteIpAddress : null, limit, options.WindowSeconds);
        return RateLimitPartition.Get(key, NewLimiter);
    }

    /// <summary>
    /// A partition's limiter, from its key alone: a static method, so no closure is allocated per request (the limiter
    /// asks for the partition on every one). The partitioned limiter replenishes its windows itself, hence no timer here.
    /// </summary>
    private static RateLimiter NewLimiter(PartitionKey key) => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
    {
        PermitLimit = key.Limit,
        Window = TimeSpan.FromSeconds(key.WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = false,
    });

    private static bool IsDashboard(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Jobs.HangfireSetup.DashboardPath, StringComparison.OrdinalIgnoreCase);

    private static bool IsWrite(HttpContext context)
    {
        var method = context.Request.Method;
        return !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            && context.GetEndpoint()?.Metadata.GetMetadata<CountsAsReadMetadata>() is null;
    }

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(options.WindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var write = IsDashboard(context) || IsWrite(context);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = Texts.Get("RateLimit.Title"),
                Detail = Texts.Format("RateLimit.Detail", write ? options.WritesPerWindow : options.ReadsPerWindow,
                    Texts.Get(IsDashboard(context) ? "RateLimit.Dashboard" : write ? "RateLimit.Writes" : "RateLimit.Reads"), options.WindowSeconds, seconds),
            },
        });
    }
}
