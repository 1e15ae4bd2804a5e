using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

public sealed class NormalizationTests
{
    private static double? NormalizedOf(ScoringProfile profile, IReadOnlyList<double> years, double value)
    {
        var inputs = years.Select((y, i) => new ScoringInput(Facts($"0900{i:D4}"), new AssessmentAnswers { YearsOfIntegrationWork = y })).ToList();
        var run = ReadinessScorer.Score(profile, inputs);
        return run.Results[years.ToList().IndexOf(value)].Indicators[0].Normalized;
    }

    // Goalposts floor 2, target 12: n = clamp((v − 2) / 10, 0, 1).
    [TestCase(7, 0.5)]
    [TestCase(4.5, 0.25)]
    [TestCase(12, 1)]
    [TestCase(2, 0)]
    [TestCase(0, 0)] // below the floor: capped at 0
    [TestCase(30, 1)] // beyond the target: capped at 1
    public void Goalposts_ScaleBetweenFloorAndTarget_AndCap(double value, double expected)
    {
        var profile = SingleIndicator(IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.Goalposts, floor: 2, target: 12);

        Assert.That(NormalizedOf(profile, [value, 100, 1], value), Is.EqualTo(expected).Within(1e-12));
    }

    // Lower is better, floor 20 (worst), target 10 (best): n = clamp((v − 20) / (10 − 20), 0, 1).
    [TestCase(15, 0.5)]
    [TestCase(18, 0.2)]
    [TestCase(10, 1)]
    [TestCase(5, 1)] // better than the target: capped at 1
    [TestCase(25, 0)] // worse than the floor: capped at 0
    public void Goalposts_LowerIsBetter_Reverses(double value, double expected)
    {
        var profile = SingleIndicator(
            IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.Goalposts, floor: 20, target: 10, direction: IndicatorDirection.LowerIsBetter);

        Assert.That(NormalizedOf(profile, [value, 0], value), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Goalposts_DoNotDependOnTheOtherMunicipalities()
    {
        var profile = SingleIndicator(IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.Goalposts, floor: 0, target: 10);

        Assert.That(NormalizedOf(profile, [4, 0, 1], 4), Is.EqualTo(NormalizedOf(profile, [4, 100, 200, 300], 4)));
    }

    // Values 0, 10, …, 100 (11 values), winsorised at the 5th/95th percentile with linear interpolation:
    // h = 10 × 0.05 = 0.5 → 0 + 0.5 × 10 = 5; h = 10 × 0.95 = 9.5 → 90 + 0.5 × 10 = 95. n = (clamp(v, 5, 95) − 5) / 90.
    [TestCase(50, 0.5)]
    [TestCase(20, 15.0 / 90)]
    [TestCase(90, 85.0 / 90)]
    [TestCase(0, 0)] // raised to 5
    [TestCase(100, 1)] // lowered to 95
    public void MinMax_IsWinsorisedAtInterpolatedPercentiles(double value, double expected)
    {
        var profile = SingleIndicator(IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.MinMax, winsorLower: 0.05, winsorUpper: 0.95);
        double[] values = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

        Assert.That(NormalizedOf(profile, values, value), Is.EqualTo(expected).Within(1e-12));
    }

    // Values 0..19 and an outlier 1000 (21 values); winsorised at 5 %/95 %: h = 1 → 1, h = 19 → 19.
    // The outlier is lowered to 19 and does not squeeze everybody else: n = (clamp(v, 1, 19) − 1) / 18.
    [TestCase(10, 0.5)]
    [TestCase(4, 3.0 / 18)]
    [TestCase(1000, 1)]
    [TestCase(0, 0)]
    public void MinMax_CapsAnOutlier(double value, double expected)
    {
        var profile = SingleIndicator(IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.MinMax, winsorLower: 0.05, winsorUpper: 0.95);
        var values = Enumerable.Range(0, 20).Select(v => (double)v).Append(1000).ToList();

        Assert.That(NormalizedOf(profile, values, value), Is.EqualTo(expected).Within(1e-12));
    }

    // Same outlier set, lower is better: n = 1 − (clamp(v, 1, 19) − 1) / 18.
    [TestCase(4, 15.0 / 18)]
    [TestCase(1000, 0)]
    public void MinMax_LowerIsBetter_Flips(double value, double expected)
    {
        var profile = SingleIndicator(
            IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.MinMax, floor: 1, target: 0,
            direction: IndicatorDirection.LowerIsBetter, winsorLower: 0.05, winsorUpper: 0.95);
        var values = Enumerable.Range(0, 20).Select(v => (double)v).Append(1000).ToList();

        Assert.That(NormalizedOf(profile, values, value), Is.EqualTo(expected).Within(1e-12));
    }

    // Mid-rank among the 4 others: (others below + ½ others equal) / 4, for values 10, 20, 20, 30, 40.
    [TestCase(10, 0.0)] // 0 below
    [TestCase(20, 0.375)] // 1 below, 1 equal: 1.5 / 4
    [TestCase(30, 0.75)] // 3 below
    [TestCase(40, 1.0)] // 4 below
    public void Rank_IsTheMidRankAmongTheOthers(double value, double expected)
    {
        var profile = SingleIndicator(IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.Rank);

        Assert.That(NormalizedOf(profile, [10, 20, 20, 30, 40], value), Is.EqualTo(expected).Within(1e-12));
    }

    // Values 1, 2, 3, 4, 100 winsorised at 25 %/75 %: h = 1 → 2, h = 3 → 4, so they rank as 2, 2, 3, 4, 4.
    [TestCase(1, 0.125)] // raised to 2: 0 below, 1 equal → 0.5 / 4
    [TestCase(3, 0.5)] // 2 below
    [TestCase(100, 0.875)] // lowered to 4: ties with 4 → (3 + 0.5) / 4
    [TestCase(4, 0.875)]
    public void Rank_IsWinsorised(double value, double expected)
    {
        var profile = SingleIndicator(IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.Rank, winsorLower: 0.25, winsorUpper: 0.75);

        Assert.That(NormalizedOf(profile, [1, 2, 3, 4, 100], value), Is.EqualTo(expected).Within(1e-12));
    }

    [TestCase(10, 1.0)] // lowest value is best: 1 − 0
    [TestCase(20, 0.625)] // 1 − 0.375
    public void Rank_LowerIsBetter_Flips(double value, double expected)
    {
        var profile = SingleIndicator(
            IndicatorKeys.YearsOfIntegrationWork, NormalizationMethod.Rank, floor: 1, target: 0, direction: IndicatorDirection.LowerIsBetter);

        Assert.That(NormalizedOf(profile, [10, 20, 20, 30, 40], value), Is.EqualTo(expected).Within(1e-12));
    }

    // 30 volunteers / 6,000 residents × 1,000 = 5 per 1,000; goalposts 0..10 → 0.5.
    [Test]
    public void Denominator_PerThousandResidents_DividesByPopulation()
    {
        var profile = SingleIndicator(
            IndicatorKeys.ActiveVolunteers, NormalizationMethod.Goalposts, target: 10, denominator: IndicatorDenominator.Per1000Residents);
        var run = ReadinessScorer.Score(profile, [new ScoringInput(Facts("09000001", population: 6000), new AssessmentAnswers { ActiveVolunteers = 30 })]);

        var indicator = run.Results[0].Indicators[0];
        Assert.That((indicator.RawValue, indicator.Value, indicator.Normalized), Is.EqualTo(((double?)30, (double?)5, (double?)0.5)));
    }

    // 3 organisations / (10,000 × 0.15 = 1,500 foreign residents) × 1,000 = 2 per 1,000; goalposts 0..4 → 0.5.
    // Without a published census share the denominator is unknown: the indicator is missing, not 0.
    [TestCase(0.15, 0.5)]
    [TestCase(null, null)]
    public void Denominator_PerThousandForeignResidents_UsesTheCensus(double? share, double? expected)
    {
        var profile = SingleIndicator(
            IndicatorKeys.MigrantOrganisations, NormalizationMethod.Goalposts, target: 4, denominator: IndicatorDenominator.Per1000ForeignResidents);
        var run = ReadinessScorer.Score(profile, [new ScoringInput(Facts("09000001", population: 10_000, foreignShare: share), new AssessmentAnswers { MigrantOrganisations = 3 })]);

        Assert.That(run.Results[0].Indicators[0].Normalized, Is.EqualTo(expected).Within(1e-12));
    }
}
