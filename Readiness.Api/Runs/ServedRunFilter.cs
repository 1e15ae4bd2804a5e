using System.Globalization;
using Microsoft.Net.Http.Headers;
using Readiness.Api.Localization;

namespace Readiness.Api.Runs;

/// <summary>The result endpoints' common opening (see <see cref="ServedRuns.ServesRun"/>); the handler gets <see cref="ServedRun"/>.</summary>
internal sealed class ServedRunFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var metadata = http.GetEndpoint()?.Metadata.GetMetadata<ServedRunMetadata>() ?? new ServedRunMetadata(false, true);
        var ags = http.Request.RouteValues.TryGetValue("ags", out var value) ? value as string : null;
        if (ags is not null && !AgsFormat.IsAgs(ags))
        {
            return Problems.Invalid("ags", AgsFormat.AgsMessage(ags));
        }

        if (http.Request.RouteValues.TryGetValue("key", out var key) && key is string district && !AgsFormat.IsDistrictKey(district))
        {
            return Problems.Invalid("key", AgsFormat.DistrictKeyMessage(district));
        }

        var cache = http.RequestServices.GetRequiredService<PublishedRunCache>();
        // ?run= was bound (and a malformed one refused with 400) before the filter runs; every result endpoint names it `run`.
        var runId = http.Request.Query["run"].FirstOrDefault() is { Length: > 0 } text ? long.Parse(text, CultureInfo.InvariantCulture) : (long?)null;
        var (run, problem) = Resolve(cache, runId, http);
        if (run is null)
        {
            return problem;
        }

        if (ags is not null && run.BaseData.Find(ags) is null)
        {
            return Problems.NotFound("Municipality", ags);
        }

        var profile = ServedRuns.ProfileName(metadata.TakesProfile ? http.Request.Query["profile"].FirstOrDefault() : null);
        var scores = run.ProfileScores(profile);
        if (scores is null)
        {
            return Problems.NotFound("Profile", profile);
        }

        http.Features.Set(new ServedRun(run, scores));
        if (metadata.Conditional && NotModified(http, run))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await next(context);
    }

    private static (PublishedRun? Run, ProblemHttpResult? Problem) Resolve(PublishedRunCache cache, long? runId, HttpContext context)
    {
        if (runId is { } id)
        {
            var run = cache.Get(id);
            return run is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Problem.RunNotFound.Title"),
                    detail: Texts.Format("Problem.RunNotFound.Detail", id.ToString(CultureInfo.InvariantCulture))))
                : (run, null);
        }

        var current = cache.Current;
        if (current is null)
        {
            context.Response.Headers.RetryAfter = "15";
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Texts.Get("Problem.NoRun.Title"),
                detail: Texts.Get("Problem.NoRun.Detail")));
        }

        return (current, null);
    }

    /// <summary>Sets the run's ETag and says whether the client already has this answer (If-None-Match).</summary>
    private static bool NotModified(HttpContext context, PublishedRun run)
    {
        var etag = RunETags.Of(run);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Run-Id"] = run.IdText;
        // Most requests carry no If-None-Match: only parse it when there is one (this is on every read).
        if (context.Request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag);
    }
}
