namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// A k-d tree over points of a few dimensions (the peer-group features' z-scores): the k nearest points of
/// one point in about log n steps, so every municipality's most similar ones cost n log n, not n².
/// </summary>
public sealed class NearestNeighbours
{
    private readonly IReadOnlyList<double[]> points;
    private readonly int[] order;
    private readonly int dimensions;

    public NearestNeighbours(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        this.points = points;
        dimensions = points.Count == 0 ? 0 : points[0].Length;
        order = [.. Enumerable.Range(0, points.Count)];
        Build(0, order.Length, 0);
    }

    /// <summary>The <paramref name="k"/> points nearest to point <paramref name="of"/> (itself left out), nearest first; ties by index.</summary>
    public IReadOnlyList<(int Index, double Distance)> Nearest(int of, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(of);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(of, points.Count);
        var best = new List<(int Index, double Squared)>(k + 1);
        Search(0, order.Length, 0, points[of], of, k, best);
        return [.. best.Select(b => (b.Index, Math.Sqrt(b.Squared)))];
    }

    private void Build(int from, int to, int depth)
    {
        if (to - from <= 1)
        {
            return;
        }

        var axis = depth % dimensions;
        var middle = (from + to) / 2;
        // A full sort of the slice on its axis: simple, and n log² n is nothing at 100,000 points.
        Array.Sort(order, from, to - from, Comparer<int>.Create((a, b) =>
        {
            var byValue = points[a][axis].CompareTo(points[b][axis]);
            return byValue != 0 ? byValue : a.CompareTo(b);
        }));
        Build(from, middle, depth + 1);
        Build(middle + 1, to, depth + 1);
    }

    private void Search(int from, int to, int depth, double[] target, int self, int k, List<(int Index, double Squared)> best)
    {
        if (to <= from)
        {
            return;
        }

        var middle = (from + to) / 2;
        var index = order[middle];
        if (index != self)
        {
            Offer(best, k, index, Squared(points[index], target));
        }

        var axis = depth % dimensions;
        var delta = target[axis] - points[index][axis];
        var (near, far) = delta < 0 ? ((from, middle), (middle + 1, to)) : ((middle + 1, to), (from, middle));
        Search(near.Item1, near.Item2, depth + 1, target, self, k, best);
        if (best.Count < k || delta * delta <= best[^1].Squared)
        {
            Search(far.Item1, far.Item2, depth + 1, target, self, k, best);
        }
    }

    private static void Offer(List<(int Index, double Squared)> best, int k, int index, double squared)
    {
        if (best.Count == k && (squared > best[^1].Squared || (squared == best[^1].Squared && index > best[^1].Index)))
        {
            return;
        }

        var at = best.FindIndex(b => squared < b.Squared || (squared == b.Squared && index < b.Index));
        best.Insert(at < 0 ? best.Count : at, (index, squared));
        if (best.Count > k)
        {
            best.RemoveAt(best.Count - 1);
        }
    }

    private static double Squared(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }

        return sum;
    }
}
