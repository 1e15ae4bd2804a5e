using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

public sealed class WhatIfTests
{
    private static readonly List<ScoringInput> Inputs = RandomInputs(200, seed: 31);

    [TestCase(NormalizationMethod.Goalposts)]
    [TestCase(NormalizationMethod.MinMax)]
    [TestCase(NormalizationMethod.Rank)]
    public void UnchangedAnswers_GiveTheRunsScoreAndRank(NormalizationMethod method)
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance.Variant(method, AggregationMethod.Arithmetic), Inputs);
        var districts = Inputs.Select(i => i.Facts.DistrictKey).ToList();
        var recommender = new Recommender(run, districts);
        var ranks = Ranking.Rank([.. run.Results.Select(r => r.Score)]);
        var districtRanks = Ranking.Rank([.. run.Results.Select(r => r.Score)], districts);

        for (var r = 0; r < Inputs.Count; r++)
        {
            if (Inputs[r].Answers is not { } answers)
            {
                continue;
            }

            var whatIf = WhatIf.Evaluate(recommender, r, answers);

            Assert.That(whatIf.Score.Score, Is.EqualTo(run.Results[r].Score));
            Assert.That((whatIf.Rank, whatIf.PeerRank), Is.EqualTo((ranks[r], districtRanks[r])));
            Assert.That(whatIf.Recommendations, Is.EqualTo(recommender.For(r)));
        }
    }

    [Test]
    public void ChangedAnswers_AreScoredAndRankedAgainstTheOthers_WithoutChangingTheRun()
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance, Inputs);
        var recommender = new Recommender(run, [.. Inputs.Select(i => i.Facts.DistrictKey)]);
        var row = Enumerable.Range(0, Inputs.Count).First(r => Inputs[r].Answers?.ContactPerson == false && run.Results[r].Score is not null);
        var before = run.Results[row];

        var whatIf = WhatIf.Evaluate(recommender, row, Inputs[row].Answers! with { ContactPerson = true });

        Assert.That(whatIf.Score.Score, Is.GreaterThan(before.Score!.Value));
        var higher = Enumerable.Range(0, Inputs.Count).Count(o => o != row && run.Results[o].Score > whatIf.Score.Score);
        Assert.That(whatIf.Rank, Is.EqualTo(higher + 1));
        Assert.That(whatIf.Recommendations.Select(x => x.Structure), Does.Not.Contain("contactPerson"));
        Assert.That(whatIf.Flags, Does.Not.Contain(ReadinessFlags.NoContactPerson));
        Assert.That(run.Results[row], Is.SameAs(before));
        Assert.That(run.Rescore(row, Inputs[row].Answers).Score, Is.EqualTo(before.Score));
    }
}
