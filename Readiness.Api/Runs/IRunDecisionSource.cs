using Readiness.Scoring.Pairing;

namespace Readiness.Api.Runs;

/// <summary>
/// What the district decided, as a run reads it: the pair decisions it must respect and a version of
/// everything decided that changes the run's answer (its changes list overdue measures), so a run after
/// a decision is never skipped as unchanged. The Decisions feature implements it; without one, nothing is decided.
/// </summary>
public interface IRunDecisionSource
{
    RunDecisions Read();
}

/// <param name="Pairs">Fixed and excluded pairs.</param>
/// <param name="Version">Changes whenever a decision or an overdue measure does.</param>
public sealed record RunDecisions(IReadOnlyList<PairConstraint> Pairs, string Version)
{
    public static RunDecisions None { get; } = new([], "");
}
