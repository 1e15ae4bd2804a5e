namespace Readiness.Scoring.Scores;

/// <summary>
/// Weights and aggregates one municipality's normalised indicators.
/// <list type="bullet">
/// <item>Missing indicators drop out and the weights are renormalised in two steps: within a pillar
/// over its answered indicators, then over the pillars that have any answer. A missing answer thus
/// neither counts as 0 nor shifts weight from one pillar to another.</item>
/// <item>Coverage is the share of the nominal weight (everything answered) that is answered.</item>
/// <item>Pillar scores are always weighted arithmetic means; the aggregation method combines pillars.</item>
/// <item>Geometric: each pillar score is floored at <see cref="GeometricFloor"/> so that one empty pillar
/// does not zero the score; contributions split the score in proportion to each indicator's
/// weighted normalised value, so they still sum to the score.</item>
/// </list>
/// </summary>
internal static class Aggregator
{
    /// <summary>Pillar scores below 0.01 (1 point) count as 0.01 in the geometric mean.</summary>
    public const double GeometricFloor = 0.01;

    // Tolerance so that exactly 2/3 answered meets a floor of 2/3 despite rounding.
    private const double CoverageTolerance = 1e-9;

    public static MunicipalityScore Build(
        CompiledProfile cp, string ags, ReadOnlySpan<double> raw, ReadOnlySpan<double> values, ReadOnlySpan<double> normalized)
    {
        var m = cp.IndicatorCount;
        var pillarCount = cp.PillarCount;
        Span<double> answeredWeight = stackalloc double[pillarCount];
        Span<double> weightedSum = stackalloc double[pillarCount];
        answeredWeight.Clear();
        weightedSum.Clear();
        var coverage = 0.0;
        for (var i = 0; i < m; i++)
        {
            if (!double.IsNaN(normalized[i]))
            {
                coverage += cp.NominalWeights[i];
                answeredWeight[cp.PillarOf[i]] += cp.IndicatorWeights[i];
                weightedSum[cp.PillarOf[i]] += cp.IndicatorWeights[i] * normalized[i];
            }
        }

        var pillarWeightSum = 0.0;
        for (var p = 0; p < pillarCount; p++)
        {
            pillarWeightSum += answeredWeight[p] > 0 ? cp.PillarWeights[p] : 0;
        }

        var effective = new double[m];
        for (var i = 0; i < m; i++)
        {
            var p = cp.PillarOf[i];
            effective[i] = !double.IsNaN(normalized[i]) && answeredWeight[p] > 0 && pillarWeightSum > 0
                ? cp.PillarWeights[p] / pillarWeightSum * cp.IndicatorWeights[i] / answeredWeight[p]
                : 0;
        }

        var scored = pillarWeightSum > 0 && coverage >= cp.Profile.CoverageFloor - CoverageTolerance;
        var contributions = scored ? Contributions(cp, normalized, effective, answeredWeight, weightedSum, pillarWeightSum) : null;
        double? score = contributions?.Sum();

        var pillars = new PillarScore[pillarCount];
        for (var p = 0; p < pillarCount; p++)
        {
            var answered = answeredWeight[p] > 0;
            pillars[p] = new PillarScore(
                cp.PillarKeys[p],
                answered ? 100 * weightedSum[p] / answeredWeight[p] : null,
                answered && pillarWeightSum > 0 ? cp.PillarWeights[p] / pillarWeightSum : 0);
        }

        var indicators = new IndicatorScore[m];
        for (var i = 0; i < m; i++)
        {
            indicators[i] = new IndicatorScore(
                cp.Indicators[i].Key,
                cp.Indicators[i].Pillar,
                NullIfNaN(raw[i]),
                NullIfNaN(values[i]),
                NullIfNaN(normalized[i]),
                effective[i],
                contributions is not null && !double.IsNaN(normalized[i]) ? contributions[i] : null);
        }

        return new MunicipalityScore(ags, score, cp.Profile.Tiers.TierOf(score), coverage, pillars, indicators);
    }

    private static double[] Contributions(
        CompiledProfile cp, ReadOnlySpan<double> normalized, double[] effective,
        ReadOnlySpan<double> answeredWeight, ReadOnlySpan<double> weightedSum, double pillarWeightSum)
    {
        var m = cp.IndicatorCount;
        var contributions = new double[m];
        var arithmetic = 0.0;
        for (var i = 0; i < m; i++)
        {
            contributions[i] = double.IsNaN(normalized[i]) ? 0 : 100 * effective[i] * normalized[i];
            arithmetic += contributions[i];
        }

        if (cp.Profile.Aggregation == AggregationMethod.Arithmetic)
        {
            return contributions;
        }

        var logMean = 0.0;
        for (var p = 0; p < cp.PillarCount; p++)
        {
            if (answeredWeight[p] > 0)
            {
                var pillarScore = Math.Max(weightedSum[p] / answeredWeight[p], GeometricFloor);
                logMean += cp.PillarWeights[p] / pillarWeightSum * Math.Log(pillarScore);
            }
        }

        var total = 100 * Math.Exp(logMean);
        for (var i = 0; i < m; i++)
        {
            // Every pillar at the floor: nothing to be proportional to, so split by weight.
            contributions[i] = arithmetic > 0 ? total * contributions[i] / arithmetic : total * effective[i];
        }

        return contributions;
    }

    private static double? NullIfNaN(double v) => double.IsNaN(v) ? null : v;
}
