using System.Text.Json;
using Readiness.Api.Runs;
using Readiness.Data.Assessments;
using Readiness.Data.Runs;
using Readiness.Scoring.Model;
using Readiness.Scoring.Runs;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Readiness;

/// <summary>
/// What <c>GET /municipalities/{ags}/readiness</c> answers, built once per run and profile and stored as the
/// exact JSON served: the score, tier, ranks with their totals and robustness intervals, pillars,
/// indicators, flags, recommendations, peer group, the assessment it rests on and its data quality.
/// </summary>
internal sealed class ReadinessAnswers : IReadinessAnswerWriter
{
    /// <summary>Each row is made on its own (its answer serialised and compressed), so they are made side by side, in order.</summary>
    public IReadOnlyList<ScoreRow> Rows(
        long runId, IReadOnlyList<MunicipalityFacts> municipalities, ProfileResult profile, IReadOnlyDictionary<string, int> peerGroupOf,
        IReadOnlyDictionary<int, string> peerLabels, IReadOnlyDictionary<string, StoredAssessment> assessments)
    {
        var totals = RankTotals.From(municipalities, profile, peerGroupOf);
        return InParallel.Map(Enumerable.Range(0, municipalities.Count).ToList(), row =>
        {
            var facts = municipalities[row];
            assessments.TryGetValue(facts.Ags, out var assessment);
            var peerGroup = peerGroupOf.TryGetValue(facts.Ags, out var group) ? new PeerGroupRefDto(group, peerLabels[group]) : null;
            var dto = Answer(runId, facts, row, profile, assessment, peerGroup, totals);
            var interval = profile.Robustness.Overall[row];
            return new ScoreRow(
                profile.Profile.Name, facts.Ags, dto.Score, dto.Tier.WireName(), dto.Coverage,
                profile.RankAll[row], profile.RankDistrict[row], profile.RankPeerGroup[row], interval?.Low, interval?.High, interval?.Median,
                WireNames.Of(dto.DataQuality), assessment?.Id,
                Compression.Compress(JsonSerializer.SerializeToUtf8Bytes(dto, ApiJson.Options)));
        });
    }

    private static ReadinessDto Answer(
        long runId, MunicipalityFacts facts, int row, ProfileResult profile, StoredAssessment? assessment, PeerGroupRefDto? peerGroup, RankTotals totals)
    {
        var score = profile.Scoring.Results[row];
        var overall = profile.Robustness.Overall[row];
        var district = profile.Robustness.ByGrouping["district"][row];
        var peer = profile.Robustness.ByGrouping["peerGroup"][row];
        var quality = assessment is null ? DataQualityDto.Missing : assessment.Source == AssessmentSource.Surveyed ? DataQualityDto.Surveyed : DataQualityDto.Illustrative;
        return new ReadinessDto(
            facts.Ags, facts.Name, facts.DistrictKey, ReadinessParts.Round(score.Score), score.Tier, Math.Round(score.Coverage, 4),
            new RankDto(profile.RankDistrict[row], profile.RankPeerGroup[row], profile.RankAll[row],
                totals.District(facts.DistrictKey), totals.Peer(facts.Ags, facts.DistrictKey), totals.All),
            Interval(overall), new RankIntervalsDto(Interval(overall), Interval(district), Interval(peer)),
            ReadinessParts.Pillars(score), ReadinessParts.Indicators(score),
            profile.Flags[row],
            ReadinessParts.Recommendations(profile.Recommendations[row]),
            peerGroup,
            assessment is null ? null : new AssessmentRefDto(assessment.Id, assessment.ReferenceDate, quality),
            quality, profile.Profile.Name, runId,
            score.TierCappedBy, score.TierCappedBy.Count > 0 ? score.TierByScore : null,
            Priority.Of(facts, score.Score) is { } priority ? Math.Round(priority, 1) : null,
            Comparison(row, profile, totals.Peer(facts.Ags, facts.DistrictKey)));
    }

    /// <summary>The peer group, or the most similar municipalities of an atypical member with its rank among them.</summary>
    private static ComparisonDto Comparison(int row, ProfileResult profile, int peerTotal)
    {
        if (!profile.Recommender.ComparisonRows.TryGetValue(row, out var others))
        {
            return new ComparisonDto(PeerGroupBasis, profile.RankPeerGroup[row], peerTotal);
        }

        var results = profile.Scoring.Results;
        var own = results[row].Score;
        var ranked = others.Where(o => results[o].Score is not null).ToList();
        return new ComparisonDto(SimilarBasis, own is { } s ? 1 + ranked.Count(o => results[o].Score > s) : null, ranked.Count + (own is null ? 0 : 1),
            [.. others.Select(o => profile.Scoring.Inputs[o].Facts.Ags)]);
    }

    internal const string PeerGroupBasis = "peer-group";
    internal const string SimilarBasis = "similar-municipalities";

    private static RankIntervalDto? Interval(RankInterval? interval) =>
        interval is null ? null : new RankIntervalDto(interval.Low, interval.High, interval.Median);

    /// <summary>How many municipalities are ranked in each group, for "3rd of 14".</summary>
    private sealed class RankTotals
    {
        private readonly Dictionary<string, int> byDistrict = [];
        private readonly Dictionary<string, int> byPeer = [];
        private readonly IReadOnlyDictionary<string, int> peerGroupOf;

        private RankTotals(IReadOnlyDictionary<string, int> peerGroupOf) => this.peerGroupOf = peerGroupOf;

        public int All { get; private set; }

        public static RankTotals From(IReadOnlyList<MunicipalityFacts> municipalities, ProfileResult profile, IReadOnlyDictionary<string, int> peerGroupOf)
        {
            var totals = new RankTotals(peerGroupOf);
            for (var row = 0; row < municipalities.Count; row++)
            {
                if (profile.RankAll[row] is null)
                {
                    continue;
                }

                totals.All++;
                Increment(totals.byDistrict, municipalities[row].DistrictKey);
                Increment(totals.byPeer, totals.PeerKey(municipalities[row].Ags, municipalities[row].DistrictKey));
            }

            return totals;
        }

        public int District(string districtKey) => byDistrict.GetValueOrDefault(districtKey);

        public int Peer(string ags, string districtKey) => byPeer.GetValueOrDefault(PeerKey(ags, districtKey));

        private string PeerKey(string ags, string districtKey) =>
            peerGroupOf.TryGetValue(ags, out var id) ? $"g{id}" : $"d{districtKey}";

        private static void Increment(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}
