using System.Numerics;
using System.Runtime.CompilerServices;
using Readiness.Scoring.Runs;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Internal validity measures of a clustering, defined as in scikit-learn (davies_bouldin_score,
/// silhouette_score with Euclidean distances) so the figures can be checked against it.
/// </summary>
public static class ClusterQuality
{
    /// <summary>
    /// Davies–Bouldin index: for each cluster the worst ratio (spread_i + spread_j) / distance(c_i, c_j),
    /// averaged; spread = mean distance of members to their mean. Lower is better; O(n·d + k²·d).
    /// </summary>
    public static double DaviesBouldin(IReadOnlyList<double[]> rows, IReadOnlyList<int> labels, int k) =>
        DaviesBouldin(KMeansData.From(rows), [.. labels], k);

    /// <summary>Mean silhouette over all rows, exact (all n² distances). Higher is better, −1..1.</summary>
    public static double Silhouette(IReadOnlyList<double[]> rows, IReadOnlyList<int> labels, int k) =>
        Silhouette(KMeansData.From(rows), [.. labels], k);

    internal static double DaviesBouldin(KMeansData data, int[] labels, int k)
    {
        var d = data.Dimensions;
        var means = new double[k * d];
        var counts = new int[k];
        for (var i = 0; i < data.Count; i++)
        {
            counts[labels[i]]++;
            var row = data.Row(i);
            for (var f = 0; f < d; f++)
            {
                means[labels[i] * d + f] += row[f];
            }
        }

        for (var j = 0; j < means.Length; j++)
        {
            means[j] /= Math.Max(counts[j / d], 1);
        }

        var spread = new double[k];
        for (var i = 0; i < data.Count; i++)
        {
            spread[labels[i]] += Math.Sqrt(Lloyd.SquaredDistance(data.Row(i), means.AsSpan(labels[i] * d, d)));
        }

        for (var c = 0; c < k; c++)
        {
            spread[c] /= Math.Max(counts[c], 1);
        }

        var total = 0.0;
        for (var a = 0; a < k; a++)
        {
            var worst = 0.0;
            for (var b = 0; b < k; b++)
            {
                if (a == b)
                {
                    continue;
                }

                var separation = Math.Sqrt(Lloyd.SquaredDistance(means.AsSpan(a * d, d), means.AsSpan(b * d, d)));
                var ratio = separation > 0 ? (spread[a] + spread[b]) / separation : double.PositiveInfinity;
                worst = Math.Max(worst, ratio);
            }

            total += worst;
        }

        return k < 2 ? 0 : total / k;
    }

    /// <summary>
    /// Exact silhouette in O(n²·d) but fast: rows are sorted by cluster and stored feature by feature,
    /// so the distances from one row to a whole cluster are a vectorised sum over a contiguous range.
    /// Each row's value is computed on its own and summed in row order: the result does not depend on
    /// how the rows are spread over threads.
    /// </summary>
    internal static double Silhouette(KMeansData data, int[] labels, int k) => Silhouette(data, labels, k, rows: null);

    /// <summary>
    /// The mean silhouette of <paramref name="sampleSize"/> rows drawn with <paramref name="seed"/>, each
    /// row's silhouette exact (its distances to every row): O(s·n·d) instead of O(n²·d), an unbiased
    /// estimate of the exact mean (scikit-learn's <c>sample_size</c> computes the silhouette of the sample
    /// alone). With at most <paramref name="sampleSize"/> rows it is the exact silhouette.
    /// </summary>
    internal static double SampledSilhouette(KMeansData data, int[] labels, int k, int sampleSize, int seed)
    {
        if (sampleSize <= 0 || data.Count <= sampleSize)
        {
            return Silhouette(data, labels, k, rows: null);
        }

        var random = new Random(seed);
        var indexes = Enumerable.Range(0, data.Count).ToArray();
        for (var i = 0; i < sampleSize; i++)
        {
            var j = random.Next(i, data.Count);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        Array.Sort(indexes, 0, sampleSize);
        return Silhouette(data, labels, k, indexes[..sampleSize]);
    }

    /// <summary>The mean silhouette of <paramref name="rows"/> (all rows when null), each against every row.</summary>
    private static double Silhouette(KMeansData data, int[] labels, int k, int[]? rows)
    {
        var n = data.Count;
        var d = data.Dimensions;
        if (k < 2 || n < 3)
        {
            return 0;
        }

        var order = Enumerable.Range(0, n).OrderBy(i => labels[i]).ThenBy(i => i).ToArray();
        var positionOf = new int[n];
        for (var p = 0; p < n; p++)
        {
            positionOf[order[p]] = p;
        }

        var start = new int[k + 1];
        foreach (var label in labels)
        {
            start[label + 1]++;
        }

        for (var c = 0; c < k; c++)
        {
            start[c + 1] += start[c];
        }

        // Single precision doubles the vector width; sums are carried in double (see SumOfDistances).
        var columns = new float[d][];
        for (var f = 0; f < d; f++)
        {
            columns[f] = new float[n];
            for (var p = 0; p < n; p++)
            {
                columns[f][p] = (float)data.Values[order[p] * d + f];
            }
        }

        // Row-order positions of the rows to measure: the result is summed in this order.
        var measured = rows is null ? order.Select((_, p) => p).ToArray() : [.. rows.Select(r => positionOf[r])];
        var values = new double[measured.Length];
        Parallel.For(0, measured.Length, StageParallelism.Options(), m =>
        {
            var p = measured[m];
            var own = labels[order[p]];
            var size = start[own + 1] - start[own];
            if (size <= 1)
            {
                return;
            }

            var a = SumOfDistances(columns, p, start[own], start[own + 1]) / (size - 1);
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                var count = start[c + 1] - start[c];
                if (c != own && count > 0)
                {
                    b = Math.Min(b, SumOfDistances(columns, p, start[c], start[c + 1]) / count);
                }
            }

            var larger = Math.Max(a, b);
            values[m] = larger > 0 ? (b - a) / larger : 0;
        });

        var total = 0.0;
        foreach (var value in values)
        {
            total += value;
        }

        return total / measured.Length;
    }

    /// <summary>Sum of distances from sorted row <paramref name="p"/> to sorted rows from..to-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumOfDistances(float[][] columns, int p, int from, int to)
    {
        const int blocksPerChunk = 32;
        var width = Vector<float>.Count;
        var total = 0.0;
        var j = from;
        while (j + width <= to)
        {
            // At most 32 vectors are summed in single precision before the sum moves to double.
            var chunk = Vector<float>.Zero;
            for (var block = 0; block < blocksPerChunk && j + width <= to; block++, j += width)
            {
                var squared = Vector<float>.Zero;
                foreach (var column in columns)
                {
                    var diff = new Vector<float>(column, j) - new Vector<float>(column[p]);
                    squared += diff * diff;
                }

                chunk += Vector.SquareRoot(squared);
            }

            Vector.Widen(chunk, out var low, out var high);
            total += Vector.Sum(low) + Vector.Sum(high);
        }

        for (; j < to; j++)
        {
            var squared = 0.0;
            foreach (var column in columns)
            {
                var diff = (double)column[j] - column[p];
                squared += diff * diff;
            }

            total += Math.Sqrt(squared);
        }

        return total;
    }
}
