using Microsoft.Extensions.Options;
using Readiness.Api.Runs;
using Readiness.Data.Decisions;
using Readiness.Scoring.Pairing;

namespace Readiness.Api.Decisions;

/// <summary>The decisions a run respects: agreed, active and pinned pairs fixed; declined and forbidden ones excluded for a while.</summary>
internal sealed class RunDecisionSource(PairDecisionStore pairs, MeasureStore measures, IOptions<DecisionOptions> options, TimeProvider time) : IRunDecisionSource
{
    public const string Fixed = "fixed";
    public const string Excluded = "excluded";
    public const string None = "none";

    public RunDecisions Read()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var constraints = pairs.Current()
            .Select(d => Effect(d, options.Value, today) switch
            {
                Fixed => new PairConstraint(d.MenteeAgs, d.MentorAgs, Fixed: true),
                Excluded => new PairConstraint(d.MenteeAgs, d.MentorAgs, Fixed: false),
                _ => null,
            })
            .OfType<PairConstraint>()
            .ToList();
        var overdue = measures.OverdueIds(today);
        var version = string.Join(";", constraints.Select(c => $"{c.MenteeAgs}-{c.MentorAgs}:{(c.Fixed ? 'f' : 'x')}"))
            + "|overdue:" + string.Join(",", overdue);
        return new RunDecisions(constraints, version);
    }

    /// <summary>What the run does with a pair whose newest step is <paramref name="decision"/>.</summary>
    public static string Effect(PairDecisionRecord decision, DecisionOptions options, DateOnly today) =>
        PairDecisionNames.IsFixed(decision.Decision) ? Fixed
        : PairDecisionNames.IsExcluded(decision.Decision) && decision.DecidedOn.AddMonths(options.DeclinedForMonths) > today ? Excluded
        : None;
}
