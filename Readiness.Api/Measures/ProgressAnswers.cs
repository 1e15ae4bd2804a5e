using Readiness.Api.Decisions;
using Readiness.Api.Runs;
using Readiness.Data.Decisions;

namespace Readiness.Api.Measures;

/// <summary>The committee's view: measures by field and status, overdue measures, pairs by state, outcomes.</summary>
internal static class ProgressAnswers
{
    /// <summary>Gets a district's progress.</summary>
    internal static Results<Ok<ProgressDto>, ValidationProblem, ProblemHttpResult> GetProgress(
        [Description("Five-digit district key, e.g. 09188.")] string key,
        [AsParameters] MeasureServices services,
        PairDecisionStore decisions,
        PublishedRunCache runs)
    {
        if (!AgsFormat.IsDistrictKey(key))
        {
            return Problems.Invalid("key", AgsFormat.DistrictKeyMessage(key));
        }

        if (services.Districts.Find(key) is null)
        {
            return Problems.NotFound("District", key);
        }

        var today = services.Today;
        var measures = services.Store.OfDistrict(key);
        var byField = services.Options.Value.Fields.Union(measures.Select(m => m.FieldOfAction)).Select(field =>
        {
            var of = measures.Where(m => m.FieldOfAction == field).ToList();
            return new FieldProgressDto(field, of.Count(m => m.Status == "planned"), of.Count(m => m.Status == "in-progress"),
                of.Count(m => m.Status == "done"), of.Count(m => m.Status == "dropped"), of.Count(m => m.IsOverdue(today)));
        }).ToList();
        var overdue = measures.Where(m => m.IsOverdue(today)).OrderBy(m => m.DueDate).ThenBy(m => m.Id).Select(m => m.ToOverdueDto()).ToList();

        var current = decisions.Current(key);
        var decided = current.Select(d => (d.MenteeAgs, d.MentorAgs)).ToHashSet();
        var states = PairDecisionNames.All.ToDictionary(s => s, s => current.Count(d => d.Decision == s), StringComparer.Ordinal);
        states["proposed"] = runs.Current?.Pairs.Count(p => p.Pair.MenteeAgs.StartsWith(key, StringComparison.Ordinal)
            && !decided.Contains((p.Pair.MenteeAgs, p.Pair.MentorAgs))) ?? 0;
        return TypedResults.Ok(new ProgressDto(key, byField, overdue, states, PairOutcomes.Summarise(key, decisions.Outcomes(key))));
    }
}
