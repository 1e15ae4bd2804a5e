namespace Readiness.Tests.Scoring.PeerGroups;

/// <summary>
/// Hubert and Arabie's adjusted Rand index: agreement of two partitions, 1 for identical ones (up to
/// renaming the groups), about 0 for chance. As scikit-learn's adjusted_rand_score.
/// </summary>
internal static class AdjustedRandIndex
{
    public static double Of(IReadOnlyList<int> truth, IReadOnlyList<int> found)
    {
        if (truth.Count != found.Count)
        {
            throw new ArgumentException("Both partitions must label the same rows.", nameof(found));
        }

        var pairs = truth.Zip(found).GroupBy(p => p).Sum(g => Choose2(g.Count()));
        var rows = truth.GroupBy(t => t).Sum(g => Choose2(g.Count()));
        var columns = found.GroupBy(f => f).Sum(g => Choose2(g.Count()));
        var expected = rows * columns / Choose2(truth.Count);
        var maximum = (rows + columns) / 2;
        return maximum == expected ? 1 : (pairs - expected) / (maximum - expected);
    }

    private static double Choose2(int n) => n * (n - 1) / 2.0;
}
