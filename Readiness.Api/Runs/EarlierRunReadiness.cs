using Microsoft.AspNetCore.Http.HttpResults;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

/// <summary>
/// A municipality's readiness in an earlier run (<c>?run=</c>), read from the store by run, profile and
/// AGS rather than by loading the whole run: cycling through earlier runs costs an indexed read each,
/// and never waits for, or pushes out, anything the current run's reads use.
/// </summary>
internal sealed class EarlierRunReadiness(EarlierRunQueries queries, PublishedRunCache cache)
{
    /// <summary>The answer, a 304 or a 404; null when the current run is asked for or the run did not store the profile (the cache computes it).</summary>
    public Answer? Find(long runId, string profile, string ags, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (cache.Current?.Id == runId)
        {
            return null;
        }

        var (outcome, json) = queries.Readiness(runId, profile, ags);
        switch (outcome)
        {
            case EarlierReadiness.Found:
                return new Answer(json, ServedRuns.NotModified(context, runId), null);
            case EarlierReadiness.RunNotPublished:
                return new Answer(null, false, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Run not found",
                    detail: $"No published run has the id {runId}: it never existed, failed, or was removed by retention. See GET /api/v1/runs."));
            case EarlierReadiness.MunicipalityNotInRun:
                return new Answer(null, false, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Municipality not found",
                    detail: $"No municipality has the key '{ags}'."));
            default:
                return null;
        }
    }

    /// <summary>The JSON to send, or a 304, or a problem.</summary>
    internal sealed record Answer(byte[]? Json, bool NotModified, ProblemHttpResult? Problem);
}
