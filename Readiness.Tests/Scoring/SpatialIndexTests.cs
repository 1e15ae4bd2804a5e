using Readiness.Scoring.Geo;

namespace Readiness.Tests.Scoring;

public sealed class SpatialIndexTests
{
    [Test]
    public void DistanceKm_MunichToAugsburg_IsAbout57Km()
    {
        var munich = new GeoPoint(48.137683, 11.575997);
        var augsburg = new GeoPoint(48.366512, 10.894446);
        Assert.That(munich.DistanceKm(augsburg), Is.EqualTo(56.6).Within(1.0));
    }

    [Test]
    public void Nearest_EqualsBruteForce_OnRandomPoints()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 2_000)
            .Select(_ => new GeoPoint(47 + random.NextDouble() * 8, 6 + random.NextDouble() * 9))
            .ToList();
        var index = new SpatialIndex(points);

        foreach (var subject in new[] { 0, 17, 999, 1_999 })
        {
            var expected = Enumerable.Range(0, points.Count)
                .Where(i => i != subject)
                .OrderBy(i => points[subject].DistanceKm(points[i]))
                .Take(6)
                .ToList();
            Assert.That(index.Nearest(subject, 6), Is.EqualTo(expected), $"point {subject}");
        }
    }

    [Test]
    public void Within_EqualsBruteForce_OnRandomPoints()
    {
        var random = new Random(11);
        var points = Enumerable.Range(0, 1_500)
            .Select(_ => new GeoPoint(47 + random.NextDouble() * 8, 6 + random.NextDouble() * 9))
            .ToList();
        var index = new SpatialIndex(points);

        foreach (var subject in new[] { 3, 700, 1_499 })
        {
            var expected = Enumerable.Range(0, points.Count)
                .Where(i => i != subject && points[subject].DistanceKm(points[i]) <= 30)
                .ToList();
            Assert.That(index.Within(subject, 30), Is.EqualTo(expected), $"point {subject}");
        }
    }
}
