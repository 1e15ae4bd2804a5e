using System.Globalization;
using Readiness.Api.Localization;
using Readiness.Data.Decisions;
using Readiness.Data.Runs;

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
        var profile = ServedRuns.ProfileName(metadata.TakesProfile ? http.Request.Query["profile"].FirstOrDefault() : null);
        if (metadata.EarlierFromStore && runId is { } earlierId && ags is not null
            && http.RequestServices.GetRequiredService<EarlierRunReadiness>().Find(earlierId, profile, ags) is { } earlier)
        {
            switch (earlier.Outcome)
            {
                case EarlierReadiness.RunNotPublished:
                    return RunNotFound(earlierId);
                case EarlierReadiness.MunicipalityNotInRun:
                    return Problems.NotFound("Municipality", ags);
                default:
                    if (metadata.Conditional && ServedRuns.NotModified(http, earlierId))
                    {
                        return TypedResults.StatusCode(StatusCodes.Status304NotModified);
                    }

                    // The handler serves the stored answer (with the texts of the request's language).
                    http.Features.Set(new StoredAnswer(earlier.Json!, earlierId));
                    return await next(context);
            }
        }

        var (run, problem) = Resolve(cache, runId, http);
        if (run is null)
        {
            return problem;
        }

        if (ags is not null && run.BaseData.Find(ags) is null)
        {
            return Problems.NotFound("Municipality", ags);
        }

        var scores = run.ProfileScores(profile);
        if (scores is null)
        {
            return Problems.NotFound("Profile", profile);
        }

        http.Features.Set(new ServedRun(run, scores));
        var variant = metadata.ShowsDecisions && ags is not null
            ? "d" + http.RequestServices.GetRequiredService<PairDecisionStore>().Version(ags[..5]).ToString(CultureInfo.InvariantCulture)
            : null;
        if (metadata.Conditional && ServedRuns.NotModified(http, run.Id, variant))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await next(context);
    }

    private static ProblemHttpResult RunNotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Problem.RunNotFound.Title"),
            detail: Texts.Format("Problem.RunNotFound.Detail", id.ToString(CultureInfo.InvariantCulture)));

    private static (PublishedRun? Run, ProblemHttpResult? Problem) Resolve(PublishedRunCache cache, long? runId, HttpContext context)
    {
        if (runId is { } id)
        {
            var run = cache.Get(id);
            return run is null ? (null, RunNotFound(id)) : (run, null);
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
}
