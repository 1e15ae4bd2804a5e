using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Readiness.Api.Runs;

namespace Readiness.Api.Endpoints;

/// <summary>The <c>?run=</c> every result endpoint accepts.</summary>
public sealed record RunQuery
{
    /// <summary>Read an earlier published run instead of the current one.</summary>
    [Description("Read this earlier published run instead of the current one (see GET /api/v1/runs).")]
    public long? Run { get; init; }
}

/// <summary>Finds the run a result request reads, and answers conditional requests.</summary>
internal static class RunSelection
{
    public static (PublishedRun? Run, ProblemHttpResult? Problem) Resolve(PublishedRunCache cache, long? runId, HttpContext context)
    {
        if (runId is { } id)
        {
            var run = cache.Get(id);
            return run is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found",
                    detail: $"No published run has the id {id}: it never existed, failed, or was removed by retention. See GET /api/v1/runs."))
                : (run, null);
        }

        var current = cache.Current;
        if (current is null)
        {
            context.Response.Headers.RetryAfter = "15";
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No run published yet",
                detail: "The first run computes the results after the service starts; try again in a few seconds. See GET /api/v1/runs."));
        }

        return (current, null);
    }

    /// <summary>Sets the run's ETag and says whether the client already has this answer (If-None-Match).</summary>
    public static bool NotModified(HttpContext context, PublishedRun run)
    {
        context.Response.Headers.ETag = run.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Run-Id"] = run.IdText;
        // Most requests carry no If-None-Match: only parse it when there is one (this is on every read).
        if (context.Request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == run.ETag);
    }

    public static StatusCodeHttpResult NotModifiedResult() => TypedResults.StatusCode(StatusCodes.Status304NotModified);
}

/// <summary>Writes stored UTF-8 JSON as it is: a published run's answers are serialised once, when the run is written.</summary>
internal sealed class JsonBytesResult(byte[] utf8) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = utf8.Length;
        return httpContext.Response.Body.WriteAsync(utf8).AsTask();
    }
}
