using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>What a municipality's readiness would be with other answers.</summary>
/// <param name="Score">The score, tier, pillars and indicators it would have.</param>
/// <param name="Rank">Rank among the other municipalities' scores as they are (1 + those strictly higher); null without a score.</param>
/// <param name="PeerRank">The same within its peer set (the recommender's peer keys).</param>
/// <param name="Flags">Flags it would carry.</param>
/// <param name="Recommendations">Recommendations it would get.</param>
public sealed record WhatIfResult(
    MunicipalityScore Score,
    int? Rank,
    int? PeerRank,
    IReadOnlyList<string> Flags,
    IReadOnlyList<Recommendation> Recommendations);

/// <summary>
/// Scores one municipality with changed answers against the run's frozen reference (goalposts;
/// min-max bounds; the others' values for rank). Pure: the run is not changed.
/// </summary>
public static class WhatIf
{
    /// <param name="recommender">Built over the same run; its peer keys decide the peer rank and the peer counts.</param>
    /// <param name="row">The municipality's position in the run (<see cref="ScoringRun.IndexOf"/>).</param>
    /// <param name="answers">The complete changed answers (merge a partial change into the current answers first).</param>
    public static WhatIfResult Evaluate(Recommender recommender, int row, AssessmentAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(answers);
        var run = recommender.Run;
        var score = run.Rescore(row, answers);
        var rank = RankAmongOthers(run, row, score.Score);
        var peerRank = RankAmongOthers(run, row, score.Score, recommender.PeerKeys);
        var flags = ReadinessFlags.For(run.Profile, run.Inputs[row].Facts, answers, score.Tier);
        return new WhatIfResult(score, rank, peerRank, flags, recommender.For(row, answers, score));
    }

    /// <summary>
    /// The rank <paramref name="score"/> would have among the run's other municipalities (1 + those strictly
    /// higher), within the group of <paramref name="row"/> when <paramref name="groupKeys"/> are given
    /// (district keys, peer groups); null for a null score.
    /// </summary>
    public static int? RankAmongOthers(ScoringRun run, int row, double? score, IReadOnlyList<string>? groupKeys = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (groupKeys is not null && groupKeys.Count != run.Results.Count)
        {
            throw new ArgumentException($"Expected {run.Results.Count} group keys, got {groupKeys.Count}.", nameof(groupKeys));
        }

        var others = Enumerable.Range(0, run.Results.Count)
            .Where(r => r != row && (groupKeys is null || groupKeys[r] == groupKeys[row]))
            .Select(r => run.Results[r].Score);
        return Ranking.RankAmong(score, others);
    }
}
