using Readiness.Scoring.PeerGroups;

namespace Readiness.Tests.Scoring.PeerGroups;

/// <summary>Ids keep meaning the same group from run to run.</summary>
public sealed class PeerGroupStableIdTests
{
    [Test]
    public void Compute_OnSlightlyChangedData_KeepsEveryIdWithItsLabel()
    {
        var before = GermanMunicipalities.Default;
        var random = new Random(2024);
        var perturbed = GermanMunicipalities.Facts
            .Select(f =>
            {
                var factor = 1 + (random.NextDouble() * 2 - 1) * 0.01;
                return f with { Population = (long)Math.Round(f.Population * factor), DensityPerKm2 = f.DensityPerKm2 * factor };
            })
            .ToList();

        var after = PeerGroupClustering.Compute(perturbed, previous: before.AsPrevious());

        Assert.That(after.K, Is.EqualTo(before.K));
        Assert.That(after.Groups.ToDictionary(g => g.Id, g => g.Label), Is.EqualTo(before.Groups.ToDictionary(g => g.Id, g => g.Label)));
        Assert.That(after.Groups.Select(g => g.PreviousDistance), Is.Not.Empty.And.All.Not.Null.And.All.LessThan(0.1));
    }

    [Test]
    public void Match_GivesReorderedGroupsTheirPreviousIds()
    {
        double[][] centroids = [[2, 0], [0, 0], [0, 2]];
        (int, double[])[] previous = [(7, [0.1, 0]), (3, [0, 2.1]), (5, [2, 0.1])];

        var (ids, distances) = PeerGroupIdMatcher.Match(centroids, previous, maxDistance: 1);

        Assert.That(ids, Is.EqualTo(new[] { 5, 7, 3 }));
        Assert.That(distances, Is.EqualTo(new double?[] { 0.1, 0.1, 0.1 }).Within(1e-9));
    }

    [Test]
    public void Match_GivesANewGroupAFreshIdAboveAllPrevious_AndRetiresAVanishedOne()
    {
        // Previous group 4 has nothing near it any more; the group at (5, 5) is new.
        double[][] centroids = [[0, 0], [5, 5], [2, 0]];
        (int, double[])[] previous = [(1, [0, 0]), (2, [2, 0]), (4, [-5, -5])];

        var (ids, distances) = PeerGroupIdMatcher.Match(centroids, previous, maxDistance: 1);

        Assert.That(ids, Is.EqualTo(new[] { 1, 5, 2 }));
        Assert.That(distances[1], Is.Null);
    }

    [Test]
    public void Match_IsOptimalForTheWholeSet_NotGreedy()
    {
        // Greedy would give new 0 the id of previous 10 (distance 0.1) and leave new 1 with 20 (1.2): total 1.3.
        // The optimum pairs new 0 with 20 (0.2) and new 1 with 10 (0.9): total 1.1.
        double[][] centroids = [[0, 0], [1, 0]];
        (int, double[])[] previous = [(10, [0.1, 0]), (20, [-0.2, 0])];

        var (ids, _) = PeerGroupIdMatcher.Match(centroids, previous, maxDistance: 2);

        Assert.That(ids, Is.EqualTo(new[] { 20, 10 }));
    }

    [Test]
    public void Match_WithoutPreviousGroups_NumbersThemFromTheSmallestPlaces()
    {
        double[][] centroids = [[1.5, 0], [-1, 0], [0.2, 0]];

        var (ids, _) = PeerGroupIdMatcher.Match(centroids, [], maxDistance: 1);

        Assert.That(ids, Is.EqualTo(new[] { 3, 1, 2 }));
    }
}
