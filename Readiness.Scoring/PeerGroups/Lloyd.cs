using System.Runtime.CompilerServices;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Lloyd's k-means iterations in double precision, sequential and in a fixed order so the result is
/// reproducible. Hamerly's bounds skip the distance computations for rows that provably keep their
/// centroid; the result is the same as plain Lloyd, only faster. The iterations stop when no row
/// changes its centroid or, as scikit-learn stops, when the centroids together move less than 1e-4
/// of the mean feature variance; a last exact pass then assigns every row to its nearest centroid
/// so labels and inertia belong to the final centroids.
/// </summary>
internal static class Lloyd
{
    private const double RelativeTolerance = 1e-4;

    /// <summary>Improves <paramref name="centroids"/> in place, fills <paramref name="labels"/>, returns the inertia.</summary>
    public static double Polish(KMeansData data, double[][] centroids, int[] labels, int maxIterations)
    {
        var k = centroids.Length;
        var d = data.Dimensions;
        var flat = new double[k * d];
        for (var c = 0; c < k; c++)
        {
            centroids[c].CopyTo(flat, c * d);
        }

        var upper = new double[data.Count];
        var lower = new double[data.Count];
        var previous = new double[flat.Length];
        var moves = new double[k];
        var halfSeparation = new double[k];
        var tolerance = RelativeTolerance * data.MeanVariance;
        InitialiseBounds(data, flat, k, labels, upper, lower);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Array.Copy(flat, previous, flat.Length);
            if (!MoveToMeans(data, flat, k, labels))
            {
                // An empty cluster takes the row farthest from its centroid (as scikit-learn does), so k stays k.
                RelocateToEmpty(data, flat, k, labels);
                MoveToMeans(data, flat, k, labels);
                InitialiseBounds(data, flat, k, labels, upper, lower);
                continue;
            }

            if (Moves(previous, flat, k, d, moves) <= tolerance)
            {
                break;
            }

            LoosenBounds(labels, moves, upper, lower);
            HalfSeparations(flat, k, d, halfSeparation);
            if (Reassign(data, flat, k, labels, upper, lower, halfSeparation) == 0)
            {
                break;
            }
        }

        Assign(data, flat, k, labels, new double[data.Count], out var inertia);
        for (var c = 0; c < k; c++)
        {
            flat.AsSpan(c * d, d).CopyTo(centroids[c]);
        }

        return inertia;
    }

    /// <summary>Nearest centroid per row (ties to the lower index); returns how many rows changed centroid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Assign(KMeansData data, double[] centroids, int k, int[] labels, double[] squared, out double inertia)
    {
        var changed = 0;
        inertia = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var (best, bestDistance, _) = NearestTwo(data, i, centroids, k);
            if (labels[i] != best)
            {
                labels[i] = best;
                changed++;
            }

            squared[i] = bestDistance;
            inertia += bestDistance;
        }

        return changed;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        b = b[..a.Length];
        for (var f = 0; f < a.Length; f++)
        {
            var diff = a[f] - b[f];
            sum += diff * diff;
        }

        return sum;
    }

    /// <summary>The nearest centroid of row <paramref name="i"/> with its squared distance, and the second-nearest squared distance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Best, double BestSquared, double SecondSquared) NearestTwo(KMeansData data, int i, double[] centroids, int k)
    {
        var d = data.Dimensions;
        var row = data.Values.AsSpan(i * d, d);
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        var secondDistance = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var distance = SquaredDistance(row, centroids.AsSpan(c * d, d));
            if (distance < bestDistance)
            {
                secondDistance = bestDistance;
                bestDistance = distance;
                best = c;
            }
            else if (distance < secondDistance)
            {
                secondDistance = distance;
            }
        }

        return (best, bestDistance, secondDistance);
    }

    private static void InitialiseBounds(KMeansData data, double[] centroids, int k, int[] labels, double[] upper, double[] lower)
    {
        for (var i = 0; i < data.Count; i++)
        {
            var (best, bestSquared, secondSquared) = NearestTwo(data, i, centroids, k);
            labels[i] = best;
            upper[i] = Math.Sqrt(bestSquared);
            lower[i] = Math.Sqrt(secondSquared);
        }
    }

    /// <summary>Hamerly's step: only rows whose bounds allow a change are measured; returns how many moved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Reassign(KMeansData data, double[] centroids, int k, int[] labels, double[] upper, double[] lower, double[] halfSeparation)
    {
        var d = data.Dimensions;
        var changed = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var own = labels[i];
            var bound = Math.Max(halfSeparation[own], lower[i]);
            if (upper[i] <= bound)
            {
                continue;
            }

            upper[i] = Math.Sqrt(SquaredDistance(data.Row(i), centroids.AsSpan(own * d, d)));
            if (upper[i] <= bound)
            {
                continue;
            }

            var (best, bestSquared, secondSquared) = NearestTwo(data, i, centroids, k);
            upper[i] = Math.Sqrt(bestSquared);
            lower[i] = Math.Sqrt(secondSquared);
            if (best != own)
            {
                labels[i] = best;
                changed++;
            }
        }

        return changed;
    }

    /// <summary>Sets each centroid to the mean of its rows, summed afresh in row order; false if a cluster is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool MoveToMeans(KMeansData data, double[] centroids, int k, int[] labels)
    {
        var d = data.Dimensions;
        var x = data.Values;
        var counts = new int[k];
        Array.Clear(centroids);
        for (var i = 0; i < data.Count; i++)
        {
            var target = labels[i] * d;
            counts[labels[i]]++;
            for (var f = 0; f < d; f++)
            {
                centroids[target + f] += x[i * d + f];
            }
        }

        for (var j = 0; j < centroids.Length; j++)
        {
            centroids[j] /= Math.Max(counts[j / d], 1);
        }

        return counts.All(count => count > 0);
    }

    private static void RelocateToEmpty(KMeansData data, double[] centroids, int k, int[] labels)
    {
        var d = data.Dimensions;
        var counts = new int[k];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var squared = new double[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            squared[i] = SquaredDistance(data.Row(i), centroids.AsSpan(labels[i] * d, d));
        }

        for (var c = 0; c < k; c++)
        {
            if (counts[c] > 0)
            {
                continue;
            }

            var farthest = -1;
            for (var i = 0; i < data.Count; i++)
            {
                if (counts[labels[i]] > 1 && (farthest < 0 || squared[i] > squared[farthest]))
                {
                    farthest = i;
                }
            }

            if (farthest >= 0)
            {
                counts[labels[farthest]]--;
                labels[farthest] = c;
                squared[farthest] = 0;
                counts[c] = 1;
            }
        }
    }

    /// <summary>How far each centroid moved; returns the sum of squared moves.</summary>
    private static double Moves(double[] before, double[] after, int k, int d, double[] moves)
    {
        var total = 0.0;
        for (var c = 0; c < k; c++)
        {
            var squared = SquaredDistance(before.AsSpan(c * d, d), after.AsSpan(c * d, d));
            moves[c] = Math.Sqrt(squared);
            total += squared;
        }

        return total;
    }

    /// <summary>After centroids moved, the distance to the own centroid can have grown by its move, to any other shrunk by the largest other move.</summary>
    private static void LoosenBounds(int[] labels, double[] moves, double[] upper, double[] lower)
    {
        var largest = 0;
        for (var c = 1; c < moves.Length; c++)
        {
            if (moves[c] > moves[largest])
            {
                largest = c;
            }
        }

        var secondLargest = 0.0;
        for (var c = 0; c < moves.Length; c++)
        {
            if (c != largest)
            {
                secondLargest = Math.Max(secondLargest, moves[c]);
            }
        }

        for (var i = 0; i < labels.Length; i++)
        {
            upper[i] += moves[labels[i]];
            lower[i] -= labels[i] == largest ? secondLargest : moves[largest];
        }
    }

    /// <summary>Half the distance from each centroid to its nearest other: a row closer than that cannot change.</summary>
    private static void HalfSeparations(double[] centroids, int k, int d, double[] half)
    {
        for (var a = 0; a < k; a++)
        {
            var nearest = double.PositiveInfinity;
            for (var b = 0; b < k; b++)
            {
                if (a != b)
                {
                    nearest = Math.Min(nearest, SquaredDistance(centroids.AsSpan(a * d, d), centroids.AsSpan(b * d, d)));
                }
            }

            half[a] = Math.Sqrt(nearest) / 2;
        }
    }
}
