using Readiness.Api.Runs;
using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Readiness;

/// <summary>What a municipality's readiness would be with changed answers, against the run's normalisation and the others' scores.</summary>
internal static class WhatIfAnswer
{
    public static WhatIfDto Of(PublishedRun run, string profile, string ags, AssessmentAnswers answers, IReadOnlyList<string> changed, ReadinessDto baseline)
    {
        var scoring = run.Context(profile)!;
        var row = scoring.Scoring.IndexOf(ags);
        var result = WhatIf.Evaluate(scoring.Recommender, row, answers);
        var districtKeys = scoring.Scoring.Inputs.Select(i => i.Facts.DistrictKey).ToList();
        var districtRank = WhatIf.RankAmongOthers(scoring.Scoring, row, result.Score.Score, districtKeys);

        // The totals count this municipality once, ranked or not, before and after.
        var totals = baseline.Rank;
        var wasRanked = baseline.Score is not null ? 1 : 0;
        var isRanked = result.Score.Score is not null ? 1 : 0;
        var rank = new RankDto(districtRank, result.PeerRank, result.Rank,
            totals.DistrictOf - wasRanked + isRanked, totals.PeerGroupOf - wasRanked + isRanked, totals.AllOf - wasRanked + isRanked);
        var score = result.Score;
        return new WhatIfDto(
            ags, run.BaseData.Get(ags).Name, ReadinessParts.Round(score.Score), score.Tier, Math.Round(score.Coverage, 4), rank,
            ReadinessParts.Pillars(score), ReadinessParts.Indicators(score), result.Flags, ReadinessParts.Recommendations(result.Recommendations),
            new WhatIfBaselineDto(baseline.Score, baseline.Tier, baseline.Rank),
            changed, profile, run.Id, baseline.DataQuality, score.TierCappedBy);
    }
}
