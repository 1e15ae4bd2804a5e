using Microsoft.AspNetCore.Http.HttpResults;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

/// <summary>Problems about a run that exists but is not a published one.</summary>
internal static class RunProblems
{
    /// <summary>
    /// 404, as <c>?run=</c> answers for it: an unchanged run stopped after reading its snapshot and wrote no
    /// results, so comparing it would list every pair of the other run as ended.
    /// </summary>
    public static ProblemHttpResult NotPublished(RunRecord run) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Run not published",
        detail: run.Status switch
        {
            RunRecord.Unchanged => $"Run {run.Id} found its inputs unchanged and published nothing: it has no changes. The run served before it stays current.",
            RunRecord.Running => $"Run {run.Id} is still running; its changes can be read once it is published.",
            _ => $"Run {run.Id} {run.Status} and published nothing: it has no results to compare.",
        });
}
