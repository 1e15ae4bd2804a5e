using Readiness.Scoring.PeerGroups;

namespace Readiness.Tests.Scoring.PeerGroups;

public sealed class PeerGroupLabellerTests
{
    private static PeerGroupProfile Profile(double population, double foreign, double cities = 0, double towns = 0, double density = 100) =>
        new(population, density, foreign, foreign * 1.8, new Dictionary<int, double> { [1] = cities, [2] = towns, [3] = 1 - cities - towns }, 0);

    [TestCase(800, 0.036, 0, 0, "very small rural municipalities, low foreign share (≈ 4 %)")]
    [TestCase(2_400, 0.093, 0, 0, "small rural municipalities, medium foreign share (≈ 9 %)")]
    [TestCase(6_200, 0.071, 0, 1, "mid-sized towns and suburbs, medium foreign share (≈ 7 %)")]
    [TestCase(16_500, 0.154, 0.13, 0.87, "mid-sized towns, suburbs and cities, high foreign share (≈ 15 %)")]
    [TestCase(250_000, 0.24, 1, 0, "very large cities, high foreign share (≈ 24 %)")]
    [TestCase(300, 0.004, 0, 0, "very small rural municipalities, low foreign share (< 1 %)")]
    public void Labels_DescribeSizeSettlementAndForeignShare(double population, double foreign, double cities, double towns, string expected)
    {
        var labels = PeerGroupLabeller.Labels([Profile(population, foreign, cities, towns)], [1]);

        Assert.That(labels[0], Is.EqualTo(expected));
    }

    [Test]
    public void Labels_TellApartGroupsThatWouldReadTheSame()
    {
        var labels = PeerGroupLabeller.Labels([Profile(1_200, 0.04), Profile(3_900, 0.04), Profile(2_000, 0.03)], [1, 2, 3]);

        Assert.That(labels, Is.EqualTo(new[]
        {
            "small rural municipalities, low foreign share (≈ 4 %), typically 1,200 residents",
            "small rural municipalities, low foreign share (≈ 4 %), typically 3,900 residents",
            "small rural municipalities, low foreign share (≈ 3 %)",
        }));
    }

    [Test]
    public void Labels_FallBackToTheId_WhenNothingElseDiffers()
    {
        var labels = PeerGroupLabeller.Labels([Profile(1_200, 0.04), Profile(1_200, 0.04)], [4, 9]);

        Assert.That(labels, Is.Unique);
        Assert.That(labels[1], Does.EndWith("group 9"));
    }
}
