using Readiness.Scoring.Model;
using Readiness.Scoring.PeerGroups;

namespace Readiness.Tests.Scoring.PeerGroups;

public sealed class FeatureTableTests
{
    private static MunicipalityFacts Place(string ags, long population, double? foreign, string district = "09001", string state = "09") =>
        new(ags, ags, district, state, "Gemeinde", population, 10, population / 10.0, population, foreign, foreign * 2, 3, null, null);

    [Test]
    public void From_ImputesAMissingShare_WithTheMedianOfTheSameBandInTheSameDistrict()
    {
        MunicipalityFacts[] places =
        [
            Place("1", 800, 0.02), Place("2", 900, 0.04), Place("3", 700, 0.10),
            Place("4", 50_000, 0.20), // another band: ignored
            Place("5", 600, null),
        ];

        var table = FeatureTable.From(places);

        Assert.That(table.Values[4][2], Is.EqualTo(0.04));
        Assert.That(table.Imputed[4][2], Is.True);
        Assert.That(table.Imputed[0][2], Is.False);
    }

    [Test]
    public void From_FallsBackToTheStateBand_WhenTheDistrictHasTooFewPeers()
    {
        MunicipalityFacts[] places =
        [
            Place("1", 800, 0.01, district: "09001"), Place("2", 900, 0.03, district: "09002"), Place("3", 700, 0.05, district: "09003"),
            Place("4", 850, 0.50, district: "09004"), Place("5", 600, null, district: "09004"),
            Place("6", 650, 0.90, district: "08001", state: "08"),
        ];

        var table = FeatureTable.From(places);

        // Bavaria's under-1,000 band: 0.01, 0.03, 0.05, 0.50 → median 0.04; Baden-Württemberg's 0.90 does not count.
        Assert.That(table.Values[4][2], Is.EqualTo(0.04).Within(1e-12));
    }

    [Test]
    public void From_StandardisesEveryFeature_ToMeanZeroAndSpreadOne()
    {
        MunicipalityFacts[] places = [Place("1", 100, 0.01), Place("2", 1_000, 0.05), Place("3", 10_000, 0.09), Place("4", 100_000, 0.2)];

        var table = FeatureTable.From(places);

        Assert.That(table.Scaling.Means[0], Is.EqualTo(3.5).Within(1e-12));
        Assert.That(table.Scaling.StandardDeviations[0], Is.EqualTo(Math.Sqrt(1.25)).Within(1e-12));
        for (var f = 0; f < 4; f++)
        {
            Assert.That(table.Standardised.Average(row => row[f]), Is.EqualTo(0).Within(1e-12));
        }

        // Every place is rural: a constant feature stays 0 instead of dividing by zero.
        Assert.That(table.Standardised.Select(row => row[4]), Is.Not.Empty.And.All.EqualTo(0));
        Assert.That(table.Scaling.ToFeatureUnits(table.Standardised[2]), Is.EqualTo(table.Values[2]).Within(1e-12));
    }
}
