using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

public sealed class PriorityTests
{
    // Census population 5,000 in the fixture: foreign residents = 5,000 × share.
    [TestCase(0.10, 20.0, 400.0)]
    [TestCase(0.10, 100.0, 0.0)]
    [TestCase(0.30, 0.0, 1500.0)]
    public void Priority_IsForeignResidentsTimesWhatIsMissing(double share, double score, double expected) =>
        Assert.That(Priority.Of(Facts("09000001", foreignShare: share), score), Is.EqualTo(expected).Within(1e-9));

    [Test]
    public void Priority_IsNull_WithoutAScoreOrACensusFigure()
    {
        Assert.That(Priority.Of(Facts("09000001"), null), Is.Null);
        Assert.That(Priority.Of(Facts("09000001", foreignShare: null), 50), Is.Null);
    }

    [Test]
    public void Priority_Falls_WhenAStructureIsAdded_AndRises_WithMoreForeignResidents()
    {
        var answers = Complete(structures: false);
        var facts = Facts("09000001", foreignShare: 0.1);
        var run = ReadinessScorer.Score(DefaultProfile.Instance, [new ScoringInput(facts, answers)]);
        var before = Priority.Of(run)[0]!.Value;

        var after = Priority.Of(facts, run.Rescore(0, answers with { ContactPerson = true }).Score)!.Value;
        var bigger = Priority.Of(facts with { CensusPopulation = 50_000 }, run.Results[0].Score)!.Value;

        Assert.That(after, Is.LessThan(before));
        Assert.That(bigger, Is.EqualTo(before * 10).Within(1e-6));
    }

    [Test]
    public void Highest_SortsByPriority_ThenAgs_AndSkipsMissing()
    {
        List<ScoringInput> inputs =
        [
            new(Facts("09000003", foreignShare: 0.2), Complete(false)),
            new(Facts("09000001", foreignShare: 0.2), Complete(false)),
            new(Facts("09000002", foreignShare: null), Complete(false)),
            new(Facts("09000004", foreignShare: 0.05), Complete(false)),
        ];
        var run = ReadinessScorer.Score(DefaultProfile.Instance, inputs);

        var top = Priority.Highest(run, Priority.Of(run), 5);

        Assert.That(top.Select(r => run.Results[r].Ags), Is.EqualTo(new[] { "09000001", "09000003", "09000004" }));
    }
}
