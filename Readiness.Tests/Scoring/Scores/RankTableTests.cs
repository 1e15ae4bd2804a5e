using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

/// <summary>The robustness analysis beyond 65,535 ranked municipalities (all of Europe's LAUs), where ranks need more than 16 bits.</summary>
public sealed class RankTableTests
{
    [Test]
    public void Robustness_RanksMoreThan65535Municipalities()
    {
        var inputs = RandomInputs(75_000, seed: 5, missingRate: 0.05);
        var profile = DefaultProfile.Instance with { Robustness = new() { Draws = 20, Seed = 3 } };
        var run = ReadinessScorer.Score(profile, inputs);
        var scored = run.Results.Count(r => r.Score is not null);

        var result = RobustnessAnalysis.Run(run, [new RankGrouping("all", [.. inputs.Select(_ => "one")])]);

        Assert.That(scored, Is.GreaterThan(ushort.MaxValue));
        var intervals = result.Overall.OfType<RankInterval>().ToList();
        Assert.That(intervals, Has.Count.EqualTo(scored));
        Assert.That(intervals.Max(i => i.High), Is.GreaterThan(ushort.MaxValue).And.LessThanOrEqualTo(scored));
        Assert.That(intervals.Select(i => i.Low <= i.Median && i.Median <= i.High), Is.Not.Empty.And.All.True);
        Assert.That(result.ByGrouping["all"], Is.EqualTo(result.Overall), "one group of everyone ranks as overall");
    }

    [Test]
    public void Robustness_InSlices_EqualsRobustnessInOnePass()
    {
        var inputs = RandomInputs(300, seed: 99);
        var profile = DefaultProfile.Instance with { Robustness = new() { Draws = 60, Seed = 7 } };
        var run = ReadinessScorer.Score(profile, inputs);
        RankGrouping[] groupings = [new("district", [.. inputs.Select(i => i.Facts.DistrictKey)])];

        var whole = RobustnessAnalysis.Run(run, groupings, long.MaxValue, CancellationToken.None);
        var sliced = RobustnessAnalysis.Run(run, groupings, rankTableBudget: 10_000, CancellationToken.None);

        Assert.That(sliced.Overall, Is.EqualTo(whole.Overall));
        Assert.That(sliced.ByGrouping["district"], Is.EqualTo(whole.ByGrouping["district"]));
    }

    [Test]
    public void Table_HoldsOnlyItsSlice()
    {
        var table = new RankTable([100], draws: 2, first: 10, count: 5);
        table.Set(0, 0, 9, 1);
        table.Set(0, 0, 15, 1);
        for (var r = 10; r < 15; r++)
        {
            table.Set(0, 0, r, r);
            table.Set(0, 1, r, 100 - r);
        }

        var rows = new uint[5 * 2];
        table.Gather(0, first: 0, count: 5, rows);
        Assert.That(rows, Is.EqualTo(new uint[] { 10, 90, 11, 89, 12, 88, 13, 87, 14, 86 }));
    }

    [Test]
    public void Sort_OrdersThirtyTwoBitValues_AsArraySortDoes()
    {
        var random = new Random(11);
        foreach (var bound in new[] { 300u, 70_000u, uint.MaxValue })
        {
            var values = Enumerable.Range(0, 1_000).Select(_ => (uint)random.NextInt64(bound)).ToArray();
            var expected = values.Order().ToArray();

            RadixSort.Sort(values, new uint[values.Length]);

            Assert.That(values, Is.EqualTo(expected), $"values below {bound}");
        }
    }

    [TestCase(100, 0)]
    [TestCase(100_000, 60_000)]
    [TestCase(200_000, 100_000)]
    public void Table_KeepsRanksOfEveryWidth(int largestGroup, int offset)
    {
        // 70 municipalities: the 17th bits of one draw span two words.
        var table = new RankTable([largestGroup], draws: 3, first: 0, count: 70);
        for (var d = 0; d < 3; d++)
        {
            for (var r = 0; r < 70; r++)
            {
                table.Set(0, d, r, offset + (r % 2 == 0 ? 10_000 : 0) + (10 * d) + r);
            }
        }

        var rows = new uint[70 * 3];
        table.Gather(0, first: 0, count: 70, rows);
        for (var r = 0; r < 70; r++)
        {
            var expected = Enumerable.Range(0, 3).Select(d => (uint)(offset + (r % 2 == 0 ? 10_000 : 0) + (10 * d) + r));
            Assert.That(rows[(r * 3)..((r * 3) + 3)], Is.EqualTo(expected), $"municipality {r}");
        }
    }
}
