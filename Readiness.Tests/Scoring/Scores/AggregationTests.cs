using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

/// <summary>
/// Pillar A (weight 0.6): contactPerson (weight 1), network (weight 3). Pillar B (weight 0.4):
/// yearsOfIntegrationWork with goalposts 0..10 (weight 1).
/// </summary>
public sealed class AggregationTests
{
    private static ScoringProfile Profile(AggregationMethod aggregation, double coverageFloor = 0.5) => new()
    {
        Name = "two-pillars",
        Pillars = [new() { Key = "a", Weight = 0.6 }, new() { Key = "b", Weight = 0.4 }],
        Indicators =
        [
            new() { Key = IndicatorKeys.ContactPerson, Pillar = "a", Weight = 1 },
            new() { Key = IndicatorKeys.Network, Pillar = "a", Weight = 3 },
            new() { Key = IndicatorKeys.YearsOfIntegrationWork, Pillar = "b", Target = 10, Weight = 1 },
        ],
        Aggregation = aggregation,
        CoverageFloor = coverageFloor,
    };

    private static MunicipalityScore Score(ScoringProfile profile, bool? contact, bool? network, double? years) =>
        ReadinessScorer.Score(profile, [new ScoringInput(Facts("09000001"), new AssessmentAnswers { ContactPerson = contact, Network = network, YearsOfIntegrationWork = years })]).Results[0];

    // A = (1·1 + 3·0) / 4 = 0.25; B = 5/10 = 0.5.
    // Arithmetic: 100 (0.6·0.25 + 0.4·0.5) = 35; contributions 100·0.6·¼·1 = 15, 0, 100·0.4·0.5 = 20.
    // Geometric: 100 · 0.25^0.6 · 0.5^0.4 = 100 · 2^(−1.2 − 0.4) = 100 · 2^−1.6; contributions split 15 : 0 : 20.
    [TestCase(AggregationMethod.Arithmetic, 35.0, 15.0, 0.0, 20.0)]
    [TestCase(AggregationMethod.Geometric, 32.98769776932235, 14.137584758281008, 0.0, 18.850113011041344)]
    public void Score_MatchesHandComputation(AggregationMethod aggregation, double score, double contact, double network, double years)
    {
        var result = Score(Profile(aggregation), true, false, 5);

        Assert.That(result.Score, Is.EqualTo(score).Within(1e-9));
        Assert.That(result.Indicators.Select(i => i.Contribution!.Value), Is.EqualTo(new[] { contact, network, years }).Within(1e-9));
        Assert.That(result.Pillars.Select(p => (p.Score, p.Weight)), Is.EqualTo(new (double?, double)[] { (25.0, 0.6), (50.0, 0.4) }));
        Assert.That(result.Indicators.Select(i => i.Weight), Is.EqualTo(new[] { 0.15, 0.45, 0.4 }).Within(1e-12));
        Assert.That(result.Coverage, Is.EqualTo(1).Within(1e-12));
    }

    // Network missing: coverage = 1 − 0.6·¾ = 0.55. Pillar A is contactPerson alone (1.0):
    // 100 (0.6·1 + 0.4·0.5) = 80, not 100 (0.6·0.25 + 0.4·0.5) = 35 as a 0 would give.
    [Test]
    public void MissingAnswer_DropsOut_AndWeightsAreRenormalisedWithinThePillar()
    {
        var result = Score(Profile(AggregationMethod.Arithmetic), true, null, 5);

        Assert.That(result.Score, Is.EqualTo(80).Within(1e-9));
        Assert.That(result.Coverage, Is.EqualTo(0.55).Within(1e-12));
        Assert.That(result.Indicators.Select(i => i.Weight), Is.EqualTo(new[] { 0.6, 0, 0.4 }).Within(1e-12));
        Assert.That(result.Indicators[1].Contribution, Is.Null);
    }

    // Pillar B unanswered: coverage 0.6; A alone carries the score, 100 · 0.25 = 25, whatever the aggregation.
    [TestCase(AggregationMethod.Arithmetic)]
    [TestCase(AggregationMethod.Geometric)]
    public void MissingPillar_IsLeftOut_AndPillarWeightsRenormalised(AggregationMethod aggregation)
    {
        var result = Score(Profile(aggregation), true, false, null);

        Assert.That(result.Score, Is.EqualTo(25).Within(1e-9));
        Assert.That(result.Pillars.Select(p => p.Weight), Is.EqualTo(new[] { 1.0, 0.0 }));
        Assert.That(result.Pillars[1].Score, Is.Null);
    }

    // Coverage 0.55 is below the default floor of 2/3: no score, insufficient-data.
    [Test]
    public void BelowCoverageFloor_HasNoScore()
    {
        var result = Score(Profile(AggregationMethod.Arithmetic, coverageFloor: 2.0 / 3), true, null, 5);

        Assert.That((result.Score, result.Tier), Is.EqualTo(((double?)null, ReadinessTier.InsufficientData)));
        Assert.That(result.Indicators.Select(i => i.Contribution), Is.Not.Empty.And.All.Null);
    }

    // Pillar A is 0 and floored at 0.01: 100 · 0.01^0.6 · 1^0.4 = 100 · 10^−1.2; years carries all of it.
    [Test]
    public void Geometric_FloorsAnEmptyPillar_InsteadOfZeroingTheScore()
    {
        var result = Score(Profile(AggregationMethod.Geometric), false, false, 10);

        var expected = 100 * Math.Pow(10, -1.2);
        Assert.That(result.Score, Is.EqualTo(expected).Within(1e-9));
        Assert.That(result.Indicators.Select(i => i.Contribution!.Value), Is.EqualTo(new[] { 0, 0, expected }).Within(1e-9));
    }

    // Same answers, A = 0 and B = 1: arithmetic gives 100 · 0.4 = 40, geometric punishes the empty pillar.
    [Test]
    public void Geometric_CompensatesLessThanArithmetic()
    {
        var arithmetic = Score(Profile(AggregationMethod.Arithmetic), false, false, 10).Score;
        var geometric = Score(Profile(AggregationMethod.Geometric), false, false, 10).Score;

        Assert.That(arithmetic, Is.EqualTo(40).Within(1e-9));
        Assert.That(geometric, Is.LessThan(arithmetic));
    }

    // Default thresholds 25 / 50 / 70; a bound belongs to the tier above it.
    [TestCase(0.0, ReadinessTier.Starting)]
    [TestCase(24.99, ReadinessTier.Starting)]
    [TestCase(25.0, ReadinessTier.Developing)]
    [TestCase(50.0, ReadinessTier.Established)]
    [TestCase(69.99, ReadinessTier.Established)]
    [TestCase(70.0, ReadinessTier.Experienced)]
    [TestCase(100.0, ReadinessTier.Experienced)]
    [TestCase(null, ReadinessTier.InsufficientData)]
    public void Tier_FollowsTheThresholds(double? score, ReadinessTier tier) =>
        Assert.That(new TierThresholds().TierOf(score), Is.EqualTo(tier));
}
