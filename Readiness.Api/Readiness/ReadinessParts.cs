using Readiness.Scoring.Scores;

namespace Readiness.Api.Readiness;

/// <summary>The parts a stored readiness answer and a what-if answer share, rounded the same way.</summary>
internal static class ReadinessParts
{
    public static List<PillarDto> Pillars(MunicipalityScore score) =>
        [.. score.Pillars.Select(p => new PillarDto(p.Key, Round(p.Score), Math.Round(p.Weight, 4)))];

    public static List<IndicatorDto> Indicators(MunicipalityScore score) =>
        [.. score.Indicators.Select(i => new IndicatorDto(i.Key, i.Pillar, Round(i.Value, 6), Round(i.RawValue, 6), Round(i.Normalized, 4), Math.Round(i.Weight, 6), Round(i.Contribution, 4)))];

    public static List<RecommendationDto> Recommendations(IEnumerable<Recommendation> recommendations) =>
        [.. recommendations.Select(r => new RecommendationDto(r.Structure, Round(r.ExpectedGain), r.PeersHaving, r.PeersAtHigherTier))];

    public static double? Round(double? value, int digits = 2) => value is null ? null : Math.Round(value.Value, digits);
}
