using Readiness.Scoring.PeerGroups;

namespace Readiness.Tests.Scoring.PeerGroups;

public sealed class SimilarMunicipalitiesTests
{
    [TestCase(1, 2, 1)]
    [TestCase(2, 500, 10)]
    [TestCase(3, 2000, 10)]
    [TestCase(4, 300, 25)]
    public void Nearest_EqualsABruteForceSearch(int seed, int count, int k)
    {
        var random = new Random(seed);
        // Some duplicate points, so ties are exercised too.
        var points = Enumerable.Range(0, count)
            .Select(i => i % 7 == 3 && i > 0 ? null : Enumerable.Range(0, 8).Select(_ => Math.Round(random.NextDouble() * 4 - 2, 1)).ToArray())
            .ToList();
        for (var i = 0; i < points.Count; i++)
        {
            points[i] ??= (double[])points[i - 1]!.Clone();
        }

        var index = new NearestNeighbours(points!);

        for (var of = 0; of < count; of += Math.Max(1, count / 60))
        {
            var expected = Enumerable.Range(0, count).Where(i => i != of)
                .Select(i => (Index: i, Squared: points[i]!.Zip(points[of]!, (a, b) => (a - b) * (a - b)).Sum()))
                .OrderBy(p => p.Squared).ThenBy(p => p.Index).Take(k).ToList();
            var found = index.Nearest(of, k);
            Assert.That(found.Select(f => f.Index), Is.EqualTo(expected.Select(e => e.Index)), $"point {of}");
            Assert.That(found.Select(f => f.Distance), Is.EqualTo(expected.Select(e => Math.Sqrt(e.Squared))).Within(1e-12), $"point {of}");
        }
    }

    [Test]
    public void Munich_HasTenSimilarBigCities_NotItsGroupsMidSizedTowns()
    {
        var facts = GermanMunicipalities.Facts;
        var similar = SimilarMunicipalities.From(facts).Of("09162000");
        var population = facts.ToDictionary(f => f.Ags, f => f.Population);

        Assert.That(similar, Has.Count.EqualTo(10));
        Assert.That(similar.Select(s => s.Ags), Does.Not.Contain("09162000"));
        Assert.That(similar.Select(s => s.Distance), Is.Ordered);
        // München (1.5 M) is compared with large cities: the median of its ten is far above a mid-sized town.
        var sizes = similar.Select(s => population[s.Ags]).Order().ToList();
        Assert.That(sizes[5], Is.GreaterThan(100_000));
    }

    [Test]
    public void Atypical_IsBeyondTheGroupsNinetyFifthPercentile()
    {
        var distances = Enumerable.Range(1, 100).Select(i => (double)i).ToList();

        Assert.That(SimilarMunicipalities.IsAtypical(95.5, distances), Is.True);
        Assert.That(SimilarMunicipalities.IsAtypical(94.0, distances), Is.False);
        Assert.That(SimilarMunicipalities.IsAtypical(1000, distances.Take(10).ToList()), Is.False, "too few members to judge");
    }
}
