using Readiness.Data.Decisions;

namespace Readiness.Api.Decisions;

/// <summary>Counts ended pairs by outcome, overall and per transferred topic.</summary>
internal static class PairOutcomes
{
    public static PairOutcomesDto Summarise(string? district, IReadOnlyList<PairDecisionRecord> ended)
    {
        // A pair ended twice (after a second round) counts with its newest outcome only.
        var latest = ended.GroupBy(d => (d.MenteeAgs, d.MentorAgs)).Select(g => g.MaxBy(d => d.Id)!).ToList();
        var byTopic = latest
            .SelectMany(d => d.OutcomeTopics.Select(t => (Topic: t, d.Outcome)))
            .GroupBy(t => t.Topic, StringComparer.Ordinal)
            .Select(g => new TopicOutcomeDto(g.Key, g.Count(), g.Count(t => t.Outcome == "worked"), g.Count(t => t.Outcome == "partly"), g.Count(t => t.Outcome == "did-not")))
            .OrderByDescending(t => t.Transferred).ThenBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
        return new PairOutcomesDto(district, latest.Count, latest.Count(d => d.Outcome == "worked"), latest.Count(d => d.Outcome == "partly"),
            latest.Count(d => d.Outcome == "did-not"), byTopic);
    }
}
