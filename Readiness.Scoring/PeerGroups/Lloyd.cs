using System.Runtime.CompilerServices;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Lloyd's k-means iterations in double precision, sequential and in a fixed order so the result is
/// reproducible. <see cref="HamerlyBounds"/> skip the distance computations for rows that provably
/// keep their centroid; the result is the same as plain Lloyd, only faster. The iterations run until
/// no row changes its centroid, or, given a tolerance, until the centroids together move less than it
/// (squared), as scikit-learn stops. Rows are then assigned to their nearest final centroid, so labels
/// and inertia always belong to the centroids returned.
/// </summary>
internal static class Lloyd
{
    /// <summary>scikit-learn's default tolerance: 1e-4 of the mean feature variance.</summary>
    public static double ScikitLearnTolerance(KMeansData data) => 1e-4 * data.MeanVariance;

    /// <summary>Improves <paramref name="centroids"/> in place, fills <paramref name="labels"/>, returns the inertia.</summary>
    /// <param name="data">The rows.</param>
    /// <param name="centroids">Starting centroids, improved in place.</param>
    /// <param name="labels">Filled with each row's centroid.</param>
    /// <param name="maxIterations">Cap on the iterations.</param>
    /// <param name="tolerance">Stop once the squared centroid moves sum to no more than this; 0 iterates until no row moves.</param>
    public static double Polish(KMeansData data, double[][] centroids, int[] labels, int maxIterations, double tolerance = 0)
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
        HamerlyBounds.Initialise(data, flat, k, labels, upper, lower);
        var converged = false;
        for (var iteration = 0; iteration < maxIterations && !converged; iteration++)
        {
            Array.Copy(flat, previous, flat.Length);
            if (!MoveToMeans(data, flat, k, labels))
            {
                // An empty cluster takes the row farthest from its centroid (as scikit-learn does), so k stays k.
                RelocateToEmpty(data, flat, k, labels);
                MoveToMeans(data, flat, k, labels);
                HamerlyBounds.Initialise(data, flat, k, labels, upper, lower);
                continue;
            }

            if (Moves(previous, flat, k, d, moves) <= tolerance && tolerance > 0)
            {
                break;
            }

            HamerlyBounds.Loosen(labels, moves, upper, lower);
            HamerlyBounds.HalfSeparations(flat, k, d, halfSeparation);
            converged = HamerlyBounds.Reassign(data, flat, k, labels, upper, lower, halfSeparation) == 0;
        }

        // Converged, the labels are the nearest centroids already; stopped early, they may not be.
        var inertia = converged ? Inertia(data, flat, labels) : AssignAll(data, flat, k, labels);
        for (var c = 0; c < k; c++)
        {
            flat.AsSpan(c * d, d).CopyTo(centroids[c]);
        }

        return inertia;
    }

    private static double Inertia(KMeansData data, double[] centroids, int[] labels)
    {
        var d = data.Dimensions;
        var inertia = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            inertia += SquaredDistance(data.Row(i), centroids.AsSpan(labels[i] * d, d));
        }

        return inertia;
    }

    /// <summary>Assigns every row to its nearest centroid (ties to the lower index); returns the inertia.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double AssignAll(KMeansData data, double[] centroids, int k, int[] labels)
    {
        var inertia = 0.0;
        for (var i = 0; i < data.Count; i++)
        {
            (labels[i], var squared, _) = NearestTwo(data, i, centroids, k);
            inertia += squared;
        }

        return inertia;
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
    internal static (int Best, double BestSquared, double SecondSquared) NearestTwo(KMeansData data, int i, double[] centroids, int k)
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

    /// <summary>How far each centroid moved; returns the sum of the squared moves.</summary>
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
}
