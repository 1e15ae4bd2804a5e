using Readiness.Scoring.Geo;

namespace Readiness.Tests.Scoring;

public sealed class NeighbourGraphTests
{
    private static readonly Dictionary<string, GeoPoint> Places = new()
    {
        ["A"] = new(48.0, 11.0),
        ["B"] = new(48.0, 11.1),
        ["C"] = new(48.1, 11.0),
        ["D"] = new(48.1, 11.1),
    };

    [Test]
    public void FromBorders_MakesTwoMunicipalitiesAroundAnUnincorporatedArea_Neighbours()
    {
        // A–B touch directly; C and D only touch the forest F, which A also touches.
        var borders = new[]
        {
            new BorderPair("A", "B", 1200),
            new BorderPair("A", "F", 800),
            new BorderPair("C", "F", 500),
            new BorderPair("D", "F", 300),
        };

        var neighbours = NeighbourGraph.FromBorders(borders, Places, new HashSet<string> { "F" });

        var pairs = neighbours.Select(n => $"{n.Ags}-{n.NeighbourAgs}:{n.ViaAgs ?? "direct"}").Order().ToList();
        Assert.That(pairs, Is.EqualTo(new[]
        {
            "A-B:direct", "A-C:F", "A-D:F", "B-A:direct", "C-A:F", "C-D:F", "D-A:F", "D-C:F",
        }));
        Assert.That(neighbours.Single(n => n is { Ags: "A", NeighbourAgs: "B" }).SharedBorderM, Is.EqualTo(1200));
        Assert.That(neighbours.Where(n => n.ViaAgs is not null).Select(n => n.SharedBorderM), Is.Not.Empty.And.All.Null);
    }

    [Test]
    public void FromDistance_IsSymmetric_AndLinksEachSubjectToItsNearest()
    {
        var keys = Places.Keys.ToList();
        var points = keys.Select(k => Places[k]).ToList();

        var neighbours = NeighbourGraph.FromDistance(keys, points, [0], k: 1);

        // At 48°N, 0.1° of longitude (≈ 7.4 km) is nearer than 0.1° of latitude (≈ 11.1 km): A's nearest is B.
        Assert.That(neighbours.Select(n => $"{n.Ags}-{n.NeighbourAgs}").Order(), Is.EqualTo(new[] { "A-B", "B-A" }));
        Assert.That(neighbours.Select(n => n.Source), Is.Not.Empty.And.All.EqualTo(NeighbourSource.Distance));
    }
}
