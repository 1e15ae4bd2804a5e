using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

public sealed class RobustnessTests
{
    private static readonly List<ScoringInput> Inputs = RandomInputs(300, seed: 99);
    private static readonly ScoringProfile Profile = DefaultProfile.Instance with { Robustness = new() { Draws = 200, Seed = 7 } };

    private static RankGrouping Districts(IReadOnlyList<ScoringInput> inputs) => new("district", [.. inputs.Select(i => i.Facts.DistrictKey)]);

    [Test]
    public void Run_IsDeterministic()
    {
        var run = ReadinessScorer.Score(Profile, Inputs);

        var first = RobustnessAnalysis.Run(run, [Districts(Inputs)]);
        var second = RobustnessAnalysis.Run(run, [Districts(Inputs)]);

        Assert.That(second.Overall, Is.EqualTo(first.Overall));
        Assert.That(second.ByGrouping["district"], Is.EqualTo(first.ByGrouping["district"]));
    }

    [Test]
    public void Run_DependsOnTheSeed()
    {
        var run = ReadinessScorer.Score(Profile, Inputs);
        var reseeded = ReadinessScorer.Score(Profile with { Robustness = Profile.Robustness with { Seed = 8 } }, Inputs);

        Assert.That(RobustnessAnalysis.Run(reseeded).Overall, Is.Not.EqualTo(RobustnessAnalysis.Run(run).Overall));
    }

    [Test]
    public void Intervals_ContainTheMedian_AndStayWithinTheRankedSet()
    {
        var run = ReadinessScorer.Score(Profile, Inputs);
        var result = RobustnessAnalysis.Run(run, [Districts(Inputs)]);

        var ranked = run.Results.Count(r => r.Score is not null);
        for (var r = 0; r < Inputs.Count; r++)
        {
            var overall = result.Overall[r];
            var district = result.ByGrouping["district"][r];
            if (run.Results[r].Score is null)
            {
                Assert.That((overall, district), Is.EqualTo(((RankInterval?)null, (RankInterval?)null)));
                continue;
            }

            var districtSize = Enumerable.Range(0, Inputs.Count)
                .Count(o => run.Results[o].Score is not null && Inputs[o].Facts.DistrictKey == Inputs[r].Facts.DistrictKey);
            Assert.That(overall!.Low, Is.InRange(1, overall.Median));
            Assert.That(overall.High, Is.InRange(overall.Median, ranked));
            Assert.That(district!.Low, Is.InRange(1, district.Median));
            Assert.That(district.High, Is.InRange(district.Median, districtSize));
        }

        // Weights ±25 % and three normalisations do move mid-table places.
        Assert.That(result.Overall.Count(i => i is not null && i.High > i.Low), Is.GreaterThan(ranked / 2));
    }

    [Test]
    public void FarAhead_StaysFirst_WithANarrowInterval()
    {
        // Everybody else: no structures, few resources. The leader: everything, and the highest values everywhere.
        var inputs = Enumerable.Range(0, 100)
            .Select(i => new ScoringInput(
                Facts($"09{i:D6}", 4000 + (i * 10), 0.02 + (i * 0.001), $"0999{i % 2}"),
                Complete(structures: false) with { IntegrationBudgetEur = 100 * i, ActiveVolunteers = i % 7, YearsOfIntegrationWork = i % 5 }))
            .Append(new ScoringInput(
                Facts("09999999", 5000, 0.30, "09990"),
                Complete(structures: true) with { PaidStaffFte = 5, IntegrationBudgetEur = 100_000, ActiveVolunteers = 200, MigrantOrganisations = 40, YearsOfIntegrationWork = 30 }))
            .ToList();
        var run = ReadinessScorer.Score(Profile, inputs);

        var result = RobustnessAnalysis.Run(run, [Districts(inputs)]);

        Assert.That(result.Overall[^1], Is.EqualTo(new RankInterval(1, 1, 1)));
        Assert.That(result.ByGrouping["district"][^1], Is.EqualTo(new RankInterval(1, 1, 1)));
    }

    /// <summary>The draws' fast path must score exactly like the scorer when weights are not perturbed.</summary>
    [Test]
    public void DrawModel_WithBaseWeights_ReproducesTheScorer()
    {
        var methods = Enum.GetValues<NormalizationMethod>();
        for (var t = 0; t < methods.Length; t++)
        {
            foreach (var aggregation in Enum.GetValues<AggregationMethod>())
            {
                var run = ReadinessScorer.Score(DefaultProfile.Instance.Variant(methods[t], aggregation), Inputs);
                var ranked = Enumerable.Range(0, Inputs.Count).Where(r => run.Results[r].Score is not null).ToArray();
                var model = DrawModel.Create(run, ranked, methods);
                var scores = new double[model.PaddedRows];
                var sums = new double[model.PillarCount * model.PaddedRows];
                var weights = new double[model.PillarCount * model.PaddedRows];

                model.Score(t, aggregation == AggregationMethod.Geometric, run.Compiled.IndicatorWeights, run.Compiled.PillarWeights, scores, sums, weights);

                Assert.That(scores.Take(ranked.Length).Select(s => 100 * s), Is.EqualTo(ranked.Select(r => run.Results[r].Score!.Value)).Within(1e-9));
            }
        }
    }

    [Test]
    public void Run_RejectsGroupKeysOfTheWrongLength()
    {
        var run = ReadinessScorer.Score(Profile, Inputs);

        Assert.That(() => RobustnessAnalysis.Run(run, [new RankGrouping("district", ["09999"])]), Throws.ArgumentException);
    }
}
