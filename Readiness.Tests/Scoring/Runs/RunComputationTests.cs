using Microsoft.Data.Sqlite;
using Readiness.Data;
using Readiness.Data.BaseData;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Runs;
using Readiness.Scoring.Scores;
using Readiness.Tests.Support;

namespace Readiness.Tests.Scoring.Runs;

/// <summary>The whole computation on the real base data with the illustrative assessments.</summary>
public sealed class RunComputationTests
{
    private static BaseDataSnapshot baseData = null!;
    private static RunInputs inputs = null!;
    private static RunOutputs outputs = null!;

    [OneTimeSetUp]
    public static void ComputeOnce()
    {
        var directory = SeededDatabase.NewDirectory();
        var database = SqliteDatabase.ForFile(SeededDatabase.CopyInto(directory));
        using (var connection = database.Open())
        {
            baseData = BaseDataReader.Read(connection);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);

        var answers = IllustrativeAssessments.Generate(baseData.Municipalities, new DateOnly(2024, 12, 31))
            .ToDictionary(a => a.Ags, a => a.Answers);
        inputs = new RunInputs(baseData.Municipalities, baseData.Neighbours, answers, [DefaultProfile.Instance], [], [], RunParameters.Default);
        outputs = RunComputation.Compute(inputs, PlainStageRunner.Instance);
    }

    [Test]
    public void Compute_ScoresEveryMunicipality_AndRanksThemInTheirGroups()
    {
        var scores = outputs.Default;
        Assert.That(scores.Scoring.Results, Has.Count.EqualTo(10_752));
        Assert.That(scores.RankAll.Count(r => r == 1), Is.GreaterThanOrEqualTo(1));
        var districts = baseData.Municipalities.Select(m => m.DistrictKey).Distinct().Count();
        Assert.That(scores.RankDistrict.Count(r => r == 1), Is.GreaterThanOrEqualTo(districts - 5), "nearly every district has a first");
        Assert.That(scores.Robustness.Overall.Count(i => i is not null), Is.EqualTo(scores.Scoring.Results.Count(r => r.Score is not null)));
    }

    [Test]
    public void Compute_PairsOnlyEligibleMunicipalities_WithinCapacity()
    {
        var tiers = outputs.Default.Scoring.Results.ToDictionary(r => r.Ags, r => r.Tier);
        var pairs = outputs.Pairing.Pairs;
        Assert.That(pairs, Is.Not.Empty);
        Assert.That(pairs.Select(p => tiers[p.MenteeAgs]), Is.Not.Empty.And.All.AnyOf(ReadinessTier.Starting, ReadinessTier.Developing));
        Assert.That(pairs.Select(p => tiers[p.MentorAgs]), Is.Not.Empty.And.All.AnyOf(ReadinessTier.Established, ReadinessTier.Experienced));
        Assert.That(pairs.GroupBy(p => p.MentorAgs).Max(g => g.Count()), Is.LessThanOrEqualTo(new PairingOptions().MaxMenteesPerMentor));
        Assert.That(pairs.Select(p => p.MenteeAgs), Is.Unique);
    }

    [Test]
    public void Compute_PeerGroups_CoverGermany_AndSharedGroupsStayInTheirDistrict()
    {
        Assert.That(outputs.PeerGroupOf, Has.Count.EqualTo(10_752));
        Assert.That(outputs.PeerGroups.Groups.Count, Is.InRange(new PeerGroupOptions().MinK, new PeerGroupOptions().MaxK));
        var district = baseData.Municipalities.ToDictionary(m => m.Ags, m => m.DistrictKey);
        foreach (var group in outputs.SharedServices.Groups)
        {
            Assert.That(group.Members.Select(m => district[m]).Distinct().Count(), Is.EqualTo(1), group.Id);
        }
    }

    [Test]
    public void Compute_IsDeterministic()
    {
        var again = RunComputation.Compute(inputs, PlainStageRunner.Instance);

        Assert.That(again.Default.Scoring.Results.Select(r => r.Score), Is.EqualTo(outputs.Default.Scoring.Results.Select(r => r.Score)));
        Assert.That(again.Pairing.Pairs.Select(p => $"{p.MenteeAgs}>{p.MentorAgs}"), Is.EqualTo(outputs.Pairing.Pairs.Select(p => $"{p.MenteeAgs}>{p.MentorAgs}")));
        Assert.That(again.SharedServices.Groups.Select(g => string.Join(",", g.Members)), Is.EqualTo(outputs.SharedServices.Groups.Select(g => string.Join(",", g.Members))));
        Assert.That(again.PeerGroupOf, Is.EquivalentTo(outputs.PeerGroupOf));
    }

    [Test]
    public void StructureWeights_FollowTheProfile()
    {
        var weights = RunComputation.StructureWeights(DefaultProfile.Instance);

        Assert.That(weights.Keys, Is.EquivalentTo(Structures.All));
        Assert.That(weights.Values, Is.Not.Empty.And.All.GreaterThan(0));
        var structuresPillar = DefaultProfile.Instance.Pillars.Single(p => p.Key == "structures").Weight;
        Assert.That(weights.Values.Sum(), Is.EqualTo(structuresPillar).Within(1e-9), "the eight structures are the whole structures pillar");
    }
}
