using Readiness.Scoring.Geo;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Pairing.PairingBuilders;

namespace Readiness.Tests.Scoring.Pairing;

public sealed class PairBenefitTests
{
    // Equal weights (8 structures). The mentor has contact person, paid staff and network; the mentee
    // lacks the first two and did not answer network: structure gap (1 + 1 + 0.5) / 8 = 0.3125.
    // Mentor 10 km east: proximity exp(-10/20) = 0.60653, +0.25 with a shared border.
    [TestCase(20.0, 60.0, true, 3.0, false, 0.3125, 0.4125, 0.367879, 0.606531, 0.092041, TestName = "Benefit_Parts_WithScoreGapAndFeatureDistance")]
    [TestCase(40.0, 50.0, true, 0.0, true, 0.3125, 0.3375, 1.0, 0.856531, 0.289079, TestName = "Benefit_Parts_WithSharedBorderAndTheSmallestScoreGap")]
    [TestCase(40.0, 50.0, false, -1.0, false, 0.3125, 0.3375, 0.75, 0.606531, 0.153528, TestName = "Benefit_Parts_OtherPeerGroupWithoutFeatures")]
    public void Benefit_MatchesHandCalculation(
        double menteeScore, double mentorScore, bool samePeerGroup, double featureDistance, bool border,
        double structureGap, double transfer, double compatibility, double proximity, double benefit)
    {
        var mentee = Mentee("09999001", 0, 0) with
        {
            Score = menteeScore < 0 ? null : menteeScore,
            Structures = Structures.All.ToDictionary(s => s, s => s == Structures.Network ? null : (bool?)false),
            Features = featureDistance < 0 ? [] : [0.0, 0.0],
        };
        var mentor = Mentor("09999002", 10, 0, Structures.PaidStaff, Structures.Network) with
        {
            Score = mentorScore < 0 ? null : mentorScore,
            PeerGroupId = samePeerGroup ? 1 : 2,
            Features = featureDistance < 0 ? [] : [featureDistance, 0.0],
        };
        Neighbour[] neighbours = border ? [Border(mentee.Ags, mentor.Ags)] : [];

        var pair = MentorAssignment.Solve([mentee, mentor], neighbours).Pairs.Single();

        Assert.Multiple(() =>
        {
            Assert.That(pair.Parts.StructureGap, Is.EqualTo(structureGap).Within(1e-6));
            Assert.That(pair.Parts.Transfer, Is.EqualTo(transfer).Within(1e-6));
            Assert.That(pair.Parts.Compatibility, Is.EqualTo(compatibility).Within(1e-5));
            Assert.That(pair.Parts.Proximity, Is.EqualTo(proximity).Within(1e-4));
            Assert.That(pair.Benefit, Is.EqualTo(benefit).Within(1e-4));
            Assert.That(pair.DistanceKm, Is.EqualTo(10).Within(0.01));
            Assert.That(pair.SharesBorder, Is.EqualTo(border));
            Assert.That(pair.SamePeerGroup, Is.EqualTo(samePeerGroup));
        });
    }

    [Test]
    public void Topics_AreHeaviestFirst_AndMarkUnansweredOnes()
    {
        var weights = Structures.All.ToDictionary(s => s, s => s == Structures.MigrantCouncil ? 3.0 : 1.0);
        var mentee = Mentee("09999001", 0, 0) with
        {
            Structures = Structures.All.ToDictionary(s => s, s => s == Structures.Network ? null : (bool?)false),
        };
        var mentor = Mentor("09999002", 5, 0, Structures.Network, Structures.MigrantCouncil);

        var pair = MentorAssignment.Solve([mentee, mentor], [], new PairingOptions { StructureWeights = weights }).Pairs.Single();

        Assert.That(pair.Topics.Select(t => (t.Structure, t.MenteeAnswerMissing)), Is.EqualTo(new[]
        {
            (Structures.MigrantCouncil, false), (Structures.ContactPerson, false), (Structures.Network, true),
        }));
        Assert.That(pair.Parts.StructureGap, Is.EqualTo((3 + 1 + 0.5) / 10).Within(1e-9));
    }

    [Test]
    public void Candidates_IncludeBorderNeighboursBeyondTheDistance_AndStayInTheDistrict()
    {
        var mentee = Mentee("09999001", 0, 0);
        var farNeighbour = Mentor("09999002", 40, 0, Structures.Network);
        var near = Mentor("09999003", 10, 0, Structures.Network);
        var otherDistrict = Mentor("09888004", 5, 0, Structures.Network) with { DistrictKey = "09888" };
        var tooFar = Mentor("09999005", 0, 35, Structures.Network);

        var result = MentorAssignment.Solve([mentee, farNeighbour, near, otherDistrict, tooFar], [Border("09999001", "09999002")]);
        var crossing = MentorAssignment.Solve([mentee, farNeighbour, near, otherDistrict, tooFar], [], new PairingOptions { CrossDistricts = true });

        Assert.That(result.CandidatesOf("09999001").Select(c => c.MentorAgs).Order(), Is.EqualTo(new[] { "09999002", "09999003" }));
        Assert.That(result.CandidatesOf("09999001").Single(c => c.MentorAgs == "09999002").SharesBorder, Is.True);
        Assert.That(crossing.CandidatesOf("09999001").Select(c => c.MentorAgs).Order(), Is.EqualTo(new[] { "09888004", "09999003" }));
    }

    [Test]
    public void Roles_FollowTierAndContactPerson()
    {
        var mentee = Mentee("09999001", 0, 0);
        var noContact = Place("09999002", 5, 0, ReadinessTier.Experienced, [Structures.Network]);
        var developingMentee = Place("09999003", 1, 0, ReadinessTier.Developing, []);
        var unknownTier = Place("09999004", 2, 0, ReadinessTier.InsufficientData, []);
        var established = Place("09999005", 6, 0, ReadinessTier.Established, [Structures.ContactPerson, Structures.Network]);

        var result = MentorAssignment.Solve([mentee, noContact, developingMentee, unknownTier, established], []);

        Assert.That(result.Statistics.Mentees, Is.EqualTo(2));
        Assert.That(result.Statistics.Mentors, Is.EqualTo(1));
        Assert.That(result.Candidates.Keys.Order(), Is.EqualTo(new[] { "09999001", "09999003" }));
    }

    [Test]
    public void Options_OutOfRange_AreRejectedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => MentorAssignment.Solve([], [], new PairingOptions { MaxMenteesPerMentor = 0 }));
        Assert.That(error!.ParamName, Is.EqualTo(nameof(PairingOptions.MaxMenteesPerMentor)));
        error = Assert.Throws<ArgumentException>(() => MentorAssignment.Solve([], [], new PairingOptions
        {
            StructureWeights = new Dictionary<string, double> { ["budget"] = 1 },
        }));
        Assert.That(error!.Message, Does.Contain("budget"));
    }
}
