using System.Globalization;
using Readiness.Scoring.PeerGroups;

namespace Readiness.Tests.Scoring.PeerGroups;

/// <summary>Peer groups of the real German municipalities.</summary>
public sealed class PeerGroupClusteringTests
{
    private const string Munich = "09162000";
    private const string Nuremberg = "09564000";
    private const string Augsburg = "09761000";

    private static PeerGroupResult Result => GermanMunicipalities.Default;

    private static int GroupOf(PeerGroupResult result, string ags) => result.Members.Single(m => m.Ags == ags).GroupId;

    [Test]
    public void Compute_PutsMunichNurembergAndAugsburgTogether_AndSmallRuralPlacesElsewhere()
    {
        var cityGroup = GroupOf(Result, Munich);
        var smallRural = GermanMunicipalities.Facts
            .Where(f => f.Population < 2_000 && f.ForeignShare < 0.03 && f.Degurba == 3)
            .ToList();

        Assert.That(GroupOf(Result, Nuremberg), Is.EqualTo(cityGroup));
        Assert.That(GroupOf(Result, Augsburg), Is.EqualTo(cityGroup));
        Assert.That(smallRural, Has.Count.GreaterThan(1_000));
        Assert.That(smallRural.Select(f => GroupOf(Result, f.Ags)), Has.None.EqualTo(cityGroup));
    }

    [Test]
    public void Compute_TwiceOnTheSameData_GivesIdenticalAssignmentsAndCentroids()
    {
        var again = PeerGroupClustering.Compute(GermanMunicipalities.Facts);

        Assert.That(again.Members, Is.EqualTo(Result.Members).Using<PeerGroupMember>(SameMember));
        Assert.That(again.Groups.Select(g => g.StandardisedCentroid), Is.EqualTo(Result.Groups.Select(g => g.StandardisedCentroid)));
        Assert.That(again.Groups.Select(g => (g.Id, g.Label, g.Size)), Is.EqualTo(Result.Groups.Select(g => (g.Id, g.Label, g.Size))));
    }

    [Test]
    public void Compute_ReportsEveryKOfTheRange_WithItsMeasures_AndChoosesTheLowestDaviesBouldin()
    {
        Assert.That(Result.Candidates.Select(c => c.K), Is.EqualTo(Enumerable.Range(3, 8)));
        Assert.That(Result.Candidates.Count(c => c.Chosen), Is.EqualTo(1));
        Assert.That(Result.Candidates.Select(c => c.Silhouette), Is.Not.Empty.And.All.InRange(-1.0, 1.0));
        Assert.That(Result.Candidates.Select(c => c.DaviesBouldin), Is.Not.Empty.And.All.GreaterThan(0));
        var chosen = Result.Candidates.Single(c => c.Chosen);
        Assert.That(chosen.K, Is.EqualTo(Result.K));
        Assert.That(chosen.DaviesBouldin, Is.EqualTo(Result.Candidates.Min(c => c.DaviesBouldin)));
    }

    [Test]
    public void Compute_MatchesScikitLearnInertia_ForEveryKOfTheRange()
    {
        var reference = ReferenceFixtures.ReadReference("german-features.sklearn.json");

        Assert.Multiple(() =>
        {
            foreach (var candidate in Result.Candidates)
            {
                Assert.That(candidate.Inertia, Is.EqualTo(reference.For(candidate.K).Inertia).Within(1).Percent, $"k = {candidate.K}");
            }
        });
    }

    [Test]
    public void FeatureTable_OfGermany_MatchesTheReferenceFixture()
    {
        var table = FeatureTable.From(GermanMunicipalities.Facts);
        var ags = GermanMunicipalities.Facts.Select(f => f.Ags).ToList();
        if (Environment.GetEnvironmentVariable(ReferenceFixtures.WriteVariable) == "1")
        {
            var lines = ags.Select((a, i) => a + "," + string.Join(",", table.Standardised[i].Select(v => v.ToString("F6", CultureInfo.InvariantCulture))));
            File.WriteAllLines(ReferenceFixtures.PathOf("german-features.csv"), ["ags," + string.Join(",", PeerGroupFeatures.Names), .. lines]);
            Assert.Pass("reference/german-features.csv rewritten; now rerun tools/kmeans_reference.py (docs/peer-groups.md).");
        }

        var (keys, rows) = ReferenceFixtures.ReadCsv("german-features.csv");

        Assert.That(keys, Is.EqualTo(ags));
        Assert.That(rows, Is.EqualTo(table.Standardised).Within(1e-6),
            $"The features changed: regenerate the fixture ({ReferenceFixtures.WriteVariable}=1) and the scikit-learn reference.");
    }

    [Test]
    public void Compute_GivesEveryGroupADistinctLabel_AndEveryMunicipalityAGroup()
    {
        Assert.That(Result.Groups.Select(g => g.Label), Is.Unique);
        Assert.That(Result.Groups.Select(g => g.Id), Is.EqualTo(Enumerable.Range(1, Result.K)));
        Assert.That(Result.Groups.Sum(g => g.Size), Is.EqualTo(GermanMunicipalities.Facts.Count));
        Assert.That(Result.Members.Select(m => m.Ags), Is.EqualTo(GermanMunicipalities.Facts.Select(f => f.Ags)));
        Assert.That(Result.Members.Where(m => m.SecondDistance < m.Distance), Is.Empty);
    }

    [Test]
    public void Compute_ImputesMissingShares_FromComparablePlaces_NotZero()
    {
        var table = FeatureTable.From(GermanMunicipalities.Facts);
        var missing = Enumerable.Range(0, GermanMunicipalities.Facts.Count)
            .Where(i => GermanMunicipalities.Facts[i].ForeignShare is null)
            .ToList();

        Assert.That(missing, Has.Count.InRange(300, 400));
        Assert.That(missing.Select(i => table.Values[i][2]), Is.Not.Empty.And.All.GreaterThan(0));
        Assert.That(missing.Select(i => Result.Members[i].ImputedFeatures), Is.Not.Empty.And.All.Contains(PeerGroupFeatures.ForeignShare));
    }

    [Test]
    public void Compute_WithAFixedK_UsesIt_AndStillReportsTheRange()
    {
        var result = PeerGroupClustering.Compute(GermanMunicipalities.Facts, new PeerGroupOptions { FixedK = 8 });

        Assert.That(result.K, Is.EqualTo(8));
        Assert.That(result.Candidates.Select(c => c.K), Is.EqualTo(Enumerable.Range(3, 8)));
        Assert.That(result.Candidates.Single(c => c.Chosen).K, Is.EqualTo(8));
    }

    [Test]
    public void Compute_ForOneState_GroupsOnlyItsMunicipalities()
    {
        var bavaria = GermanMunicipalities.Facts.Where(f => f.StateKey == "09").ToList();

        var result = PeerGroupClustering.Compute(bavaria);

        Assert.That(result.Members, Has.Count.EqualTo(2_056));
        Assert.That(result.Groups.Sum(g => g.Size), Is.EqualTo(2_056));
        Assert.That(result.Members.Single(m => m.Ags == Munich).GroupId, Is.EqualTo(result.Members.Single(m => m.Ags == Nuremberg).GroupId));
    }

    [TestCase("04", 2)]
    [TestCase("11", 1)]
    public void Compute_ForAStateWithFewerMunicipalitiesThanTheRange_GivesOneGroup(string state, int count)
    {
        var municipalities = GermanMunicipalities.Facts.Where(f => f.StateKey == state).ToList();

        var result = PeerGroupClustering.Compute(municipalities);

        Assert.That(municipalities, Has.Count.EqualTo(count));
        Assert.That(result.K, Is.EqualTo(1));
        Assert.That(result.Members.Select(m => m.SecondGroupId), Is.Not.Empty.And.All.Null);
    }

    private static bool SameMember(PeerGroupMember a, PeerGroupMember b) =>
        a.Ags == b.Ags && a.GroupId == b.GroupId && a.Distance.Equals(b.Distance)
        && a.SecondGroupId == b.SecondGroupId && Nullable.Equals(a.SecondDistance, b.SecondDistance)
        && a.ImputedFeatures.SequenceEqual(b.ImputedFeatures);
}
