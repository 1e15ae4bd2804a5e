using System.Runtime.CompilerServices;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Hamerly's bounds for Lloyd's iterations: per row an upper bound on the distance to its own
/// centroid and a lower bound on the distance to any other. A row whose upper bound stays below
/// both the lower bound and half the gap to the nearest other centroid cannot change its centroid,
/// so its distances are not computed. Exact: the same assignments as plain Lloyd.
/// </summary>
internal static class HamerlyBounds
{
    public static void Initialise(KMeansData data, double[] centroids, int k, int[] labels, double[] upper, double[] lower)
    {
        for (var i = 0; i < data.Count; i++)
        {
            var (best, bestSquared, secondSquared) = Lloyd.NearestTwo(data, i, centroids, k);
            labels[i] = best;
            upper[i] = Math.Sqrt(bestSquared);
            lower[i] = Math.Sqrt(secondSquared);
        }
    }

    /// <summary>Hamerly's step: only rows whose bounds allow a change are measured; returns how many moved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Reassign(KMeansData data, double[] centroids, int k, int[] labels, double[] upper, double[] lower, double[] halfSeparation)
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

            upper[i] = Math.Sqrt(Lloyd.SquaredDistance(data.Row(i), centroids.AsSpan(own * d, d)));
            if (upper[i] <= bound)
            {
                continue;
            }

            var (best, bestSquared, secondSquared) = Lloyd.NearestTwo(data, i, centroids, k);
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

    /// <summary>After centroids moved, the distance to the own centroid can have grown by its move, to any other shrunk by the largest other move.</summary>
    public static void Loosen(int[] labels, double[] moves, double[] upper, double[] lower)
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
    public static void HalfSeparations(double[] centroids, int k, int d, double[] half)
    {
        for (var a = 0; a < k; a++)
        {
            var nearest = double.PositiveInfinity;
            for (var b = 0; b < k; b++)
            {
                if (a != b)
                {
                    nearest = Math.Min(nearest, Lloyd.SquaredDistance(centroids.AsSpan(a * d, d), centroids.AsSpan(b * d, d)));
                }
            }

            half[a] = Math.Sqrt(nearest) / 2;
        }
    }
}
