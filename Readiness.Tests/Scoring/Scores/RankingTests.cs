using Readiness.Scoring.Scores;

namespace Readiness.Tests.Scoring.Scores;

public sealed class RankingTests
{
    [Test]
    public void Rank_HighestFirst_TiesShareARank_NullsAreUnranked()
    {
        double?[] scores = [50, 80, null, 80, 20];

        Assert.That(Ranking.Rank(scores), Is.EqualTo(new int?[] { 3, 1, null, 1, 4 }));
    }

    [Test]
    public void Rank_WithinGroups()
    {
        double?[] scores = [50, 80, 70, 10, 90, null];
        string[] districts = ["A", "A", "B", "B", "A", "B"];

        Assert.That(Ranking.Rank(scores, districts), Is.EqualTo(new int?[] { 3, 2, 1, 2, 1, null }));
    }

    [Test]
    public void Rank_DoesNotDependOnInputOrder()
    {
        double?[] scores = [5, 7, 7, 3, 7, 1];
        var reversed = scores.Reverse().ToArray();

        Assert.That(Ranking.Rank(reversed).Reverse(), Is.EqualTo(Ranking.Rank(scores)));
    }

    [TestCase(85.0, 1)]
    [TestCase(80.0, 1)] // equal to the best: nobody strictly higher
    [TestCase(60.0, 3)]
    [TestCase(0.0, 4)]
    public void RankAmong_CountsStrictlyHigherOthers(double score, int expected) =>
        Assert.That(Ranking.RankAmong(score, [80, 70, 20, null]), Is.EqualTo(expected));
}
