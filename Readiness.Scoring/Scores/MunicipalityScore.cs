using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>What the scorer takes per municipality: its base data and its latest answers (null: no assessment).</summary>
public sealed record ScoringInput(MunicipalityFacts Facts, AssessmentAnswers? Answers);

/// <summary>
/// One municipality's readiness under a profile. <see cref="Score"/> is 0..100, or null below the
/// coverage floor (then <see cref="Tier"/> is <c>insufficient-data</c>).
/// </summary>
/// <param name="Ags">The municipality.</param>
/// <param name="Score">0..100; null when too little was answered.</param>
/// <param name="Tier">From the profile's thresholds.</param>
/// <param name="Coverage">Share (0..1) of the profile's nominal weight that is answered.</param>
/// <param name="Pillars">Per pillar, in profile order.</param>
/// <param name="Indicators">Per indicator, in profile order.</param>
public sealed record MunicipalityScore(
    string Ags,
    double? Score,
    ReadinessTier Tier,
    double Coverage,
    IReadOnlyList<PillarScore> Pillars,
    IReadOnlyList<IndicatorScore> Indicators)
{
    /// <summary>
    /// The answer fields whose tier requirement it misses (<see cref="ScoringProfile.TierRequirements"/>), when they
    /// hold its tier below the one its score reaches; empty otherwise. The score itself is never changed.
    /// </summary>
    public IReadOnlyList<string> TierCappedBy { get; init; } = [];

    /// <summary>The tier its score alone would give, when a requirement capped it; null when not capped.</summary>
    public ReadinessTier? TierByScore { get; init; }
}

/// <param name="Key">Pillar key.</param>
/// <param name="Score">0..100, the weighted mean of its answered indicators; null when none is answered.</param>
/// <param name="Weight">Effective weight in the score (0..1, renormalised over the answered pillars; 0 when unanswered).</param>
public sealed record PillarScore(string Key, double? Score, double Weight);

/// <param name="Key">Indicator key.</param>
/// <param name="Pillar">Its pillar.</param>
/// <param name="RawValue">The answer as given (yes/no as 1/0); null when missing.</param>
/// <param name="Value">The value after the denominator (for example per 1,000 residents); what is normalised.</param>
/// <param name="Normalized">0..1; null when missing.</param>
/// <param name="Weight">Effective weight in the score (0..1; the answered weights sum to 1; 0 when missing).</param>
/// <param name="Contribution">Points (0..100) it adds to the score; they sum to the score. Null when missing or unscored.</param>
public sealed record IndicatorScore(
    string Key,
    string Pillar,
    double? RawValue,
    double? Value,
    double? Normalized,
    double Weight,
    double? Contribution);
