namespace Readiness.Scoring.Scores;

/// <summary>
/// LSD radix sorts for the robustness analysis' two hot spots: ordering 10,000 scores per draw and
/// finding rank percentiles over 1,000 draws per municipality. Both are several times faster than a
/// comparison sort here and, being stable, fully deterministic.
/// </summary>
internal static class RadixSort
{
    private const int Buckets = 256;

    /// <summary>
    /// Orders <paramref name="order"/> (0..n−1 on return) by score, highest first; <paramref name="keys"/>
    /// ends up holding the sort keys in that order. Scores must lie in [0, 1]; they are keyed in 32-bit
    /// fixed point, so scores closer than 2.3·10⁻¹⁰ (2.3·10⁻⁸ points) tie, well below any meaningful difference.
    /// </summary>
    public static void ByScoreDescending(ReadOnlySpan<double> scores, uint[] keys, uint[] keysScratch, int[] order, int[] orderScratch, int[] histogram)
    {
        var n = scores.Length;
        Array.Clear(histogram, 0, 4 * Buckets);
        for (var r = 0; r < n; r++)
        {
            var key = uint.MaxValue - (uint)(Math.Clamp(scores[r], 0, 1) * uint.MaxValue);
            keys[r] = key;
            order[r] = r;
            histogram[key & 0xFF]++;
            histogram[Buckets + (int)((key >> 8) & 0xFF)]++;
            histogram[(2 * Buckets) + (int)((key >> 16) & 0xFF)]++;
            histogram[(3 * Buckets) + (int)(key >> 24)]++;
        }

        var (keysFrom, keysTo, orderFrom, orderTo) = (keys, keysScratch, order, orderScratch);
        for (var b = 0; b < 4; b++)
        {
            var counts = histogram.AsSpan(b * Buckets, Buckets);
            if (counts.Contains(n))
            {
                continue; // every key has the same byte here
            }

            Prefix(counts);
            var shift = 8 * b;
            for (var j = 0; j < n; j++)
            {
                var position = counts[(int)((keysFrom[j] >> shift) & 0xFF)]++;
                keysTo[position] = keysFrom[j];
                orderTo[position] = orderFrom[j];
            }

            (keysFrom, keysTo, orderFrom, orderTo) = (keysTo, keysFrom, orderTo, orderFrom);
        }

        if (!ReferenceEquals(keysFrom, keys))
        {
            keysFrom.AsSpan(0, n).CopyTo(keys);
            orderFrom.AsSpan(0, n).CopyTo(order);
        }
    }

    /// <summary>
    /// Sorts <paramref name="values"/> ascending, using <paramref name="scratch"/> of the same length. A byte
    /// that all values share is skipped, so ranks below 65,536 take two passes, as 16-bit keys would.
    /// </summary>
    public static void Sort(Span<uint> values, Span<uint> scratch)
    {
        Span<int> histogram = stackalloc int[4 * Buckets];
        histogram.Clear();
        foreach (var v in values)
        {
            histogram[(int)(v & 0xFF)]++;
            histogram[Buckets + (int)((v >> 8) & 0xFF)]++;
            histogram[(2 * Buckets) + (int)((v >> 16) & 0xFF)]++;
            histogram[(3 * Buckets) + (int)(v >> 24)]++;
        }

        var inScratch = false;
        for (var b = 0; b < 4; b++)
        {
            var counts = histogram.Slice(b * Buckets, Buckets);
            if (counts.Contains(values.Length))
            {
                continue; // every value has the same byte here
            }

            Prefix(counts);
            var shift = 8 * b;
            if (inScratch)
            {
                Scatter(scratch, values, counts, shift);
            }
            else
            {
                Scatter(values, scratch, counts, shift);
            }

            inScratch = !inScratch;
        }

        if (inScratch)
        {
            scratch.CopyTo(values);
        }
    }

    private static void Scatter(ReadOnlySpan<uint> from, Span<uint> to, Span<int> counts, int shift)
    {
        foreach (var v in from)
        {
            to[counts[(int)((v >> shift) & 0xFF)]++] = v;
        }
    }

    private static void Prefix(Span<int> counts)
    {
        var sum = 0;
        for (var k = 0; k < counts.Length; k++)
        {
            (counts[k], sum) = (sum, sum + counts[k]);
        }
    }
}
