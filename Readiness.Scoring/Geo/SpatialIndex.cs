using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Readiness.Scoring.Geo;

/// <summary>
/// An STR-packed R-tree over points (NetTopologySuite), answering "the k nearest" and "all within r km"
/// in O(log n) per query, so neighbour search over n places is O(n log n), never a loop over all pairs.
/// </summary>
public sealed class SpatialIndex
{
    private readonly STRtree<int> tree;
    private readonly (double X, double Y)[] plane;
    private readonly GeoPoint[] points;

    public SpatialIndex(IReadOnlyList<GeoPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        this.points = [.. points];
        plane = new (double, double)[points.Count];
        tree = new STRtree<int>(nodeCapacity: 16);
        for (var i = 0; i < points.Count; i++)
        {
            plane[i] = points[i].ToPlaneKm();
            tree.Insert(new Envelope(plane[i].X, plane[i].X, plane[i].Y, plane[i].Y), i);
        }

        tree.Build();
    }

    public int Count => points.Length;

    /// <summary>The indexes of the <paramref name="k"/> points nearest to point <paramref name="index"/>, itself excluded, nearest first.</summary>
    public IReadOnlyList<int> Nearest(int index, int k)
    {
        if (k <= 0 || points.Length < 2)
        {
            return [];
        }

        var (x, y) = plane[index];
        var found = tree.NearestNeighbour(new Envelope(x, x, y, y), index, new PlaneDistance(plane), Math.Min(k + 1, points.Length));
        return [.. found.Where(i => i != index)
            .OrderBy(i => points[index].DistanceKm(points[i]))
            .ThenBy(i => i)
            .Take(k)];
    }

    /// <summary>The indexes of all points within <paramref name="radiusKm"/> of point <paramref name="index"/>, itself excluded.</summary>
    public IReadOnlyList<int> Within(int index, double radiusKm)
    {
        var (x, y) = plane[index];
        // The projection stretches distances by at most a few per cent over Europe: widen the box, then check exactly.
        var margin = radiusKm * 1.05;
        var result = new List<int>();
        foreach (var i in tree.Query(new Envelope(x - margin, x + margin, y - margin, y + margin)))
        {
            if (i != index && points[index].DistanceKm(points[i]) <= radiusKm)
            {
                result.Add(i);
            }
        }

        result.Sort();
        return result;
    }

    /// <summary>
    /// Every point within <paramref name="radiusKm"/> (great-circle) of <paramref name="center"/>, which need
    /// not be in the index, with its distance: added to <paramref name="found"/>, in no particular order.
    /// </summary>
    public void Within(GeoPoint center, double radiusKm, List<(int Index, double DistanceKm)> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        var (x, y) = center.ToPlaneKm();
        var margin = radiusKm * 1.05;
        foreach (var i in tree.Query(new Envelope(x - margin, x + margin, y - margin, y + margin)))
        {
            var distance = center.DistanceKm(points[i]);
            if (distance <= radiusKm)
            {
                found.Add((i, distance));
            }
        }
    }

    private sealed class PlaneDistance((double X, double Y)[] plane) : IItemDistance<Envelope, int>
    {
        public double Distance(IBoundable<Envelope, int> item1, IBoundable<Envelope, int> item2)
        {
            var a = plane[item1.Item];
            var b = plane[item2.Item];
            return Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
        }
    }
}
