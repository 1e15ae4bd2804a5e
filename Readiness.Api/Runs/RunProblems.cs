using Microsoft.AspNetCore.Http.HttpResults;
using Readiness.Api.Localization;
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
        title: Texts.Get("Problem.NotPublished.Title"),
        detail: run.Status switch
        {
            RunRecord.Unchanged => Texts.Format("Problem.NotPublished.Unchanged", run.Id),
            RunRecord.Running => Texts.Format("Problem.NotPublished.Running", run.Id),
            _ => Texts.Format("Problem.NotPublished.Other", run.Id, run.Status),
        });
}
