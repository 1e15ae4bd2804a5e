using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Pairing.PairingBuilders;

namespace Readiness.Tests.Scoring.Pairing;

/// <summary>Every role reason on a hand-made case where it is the only true one, and the rules behind them.</summary>
public sealed class PairingRoleTests
{
    private static PairingRoleReason ReasonOf(PairingResult result, string ags) => result.RoleOf(ags)!.Reason;

    [Test]
    public void Reasons_PairedMenteeAndMentor()
    {
        var result = MentorAssignment.Solve([Mentee("09999001", 0, 0), Mentor("09999002", 5, 0, Structures.Network)], []);

        Assert.That(result.RoleOf("09999001"), Is.EqualTo(new PairingRoleExplanation(PairingRole.Mentee, PairingRoleReason.MenteePaired)));
        Assert.That(result.RoleOf("09999002"), Is.EqualTo(new PairingRoleExplanation(PairingRole.Mentor, PairingRoleReason.MentorPaired)));
    }

    [Test]
    public void Reasons_NoOneInReach()
    {
        var result = MentorAssignment.Solve([Mentee("09999001", 0, 0), Mentor("09999002", 45, 0, Structures.Network)], []);

        Assert.That(ReasonOf(result, "09999001"), Is.EqualTo(PairingRoleReason.NoMentorInReach));
        Assert.That(result.Unpaired.Single().Reason, Is.EqualTo(UnpairedReason.NoCandidate));
        Assert.That(ReasonOf(result, "09999002"), Is.EqualTo(PairingRoleReason.NoMenteeInReach));
    }

    [Test]
    public void Reasons_DistrictBorder_WhenTheOnlyMentorLiesInAnotherLandkreis()
    {
        var mentor = Mentor("09888002", 5, 0, Structures.Network) with { DistrictKey = "09888" };

        var result = MentorAssignment.Solve([Mentee("09999001", 0, 0), mentor], [Border("09999001", "09888002")]);

        Assert.That(result.Pairs, Is.Empty);
        Assert.That(ReasonOf(result, "09999001"), Is.EqualTo(PairingRoleReason.MentorsOnlyAcrossDistrictBorder));
        Assert.That(result.Unpaired.Single().Reason, Is.EqualTo(UnpairedReason.NoCandidate));
        Assert.That(ReasonOf(result, "09888002"), Is.EqualTo(PairingRoleReason.MenteesOnlyAcrossDistrictBorder));
    }

    [Test]
    public void Reasons_NotClearlyAhead_WhenTheScoreGapIsBelowTheMinimum()
    {
        var mentee = Mentee("09999001", 0, 0) with { Score = 45 };
        var mentor = Mentor("09999002", 5, 0, Structures.Network) with { Score = 54.9 };

        var result = MentorAssignment.Solve([mentee, mentor], []);
        var looser = MentorAssignment.Solve([mentee, mentor], [], new PairingOptions { MinScoreGap = 9 });

        Assert.That(result.Pairs, Is.Empty);
        Assert.That(result.CandidatesOf("09999001"), Is.Empty, "a mentor not clearly ahead is no candidate");
        Assert.That(ReasonOf(result, "09999001"), Is.EqualTo(PairingRoleReason.MentorsNotClearlyAhead));
        Assert.That(ReasonOf(result, "09999002"), Is.EqualTo(PairingRoleReason.NotClearlyAheadOfMenteesInReach));
        Assert.That(looser.Pairs, Has.Count.EqualTo(1), "a 9.9-point gap is enough when the minimum is 9");
    }

    [Test]
    public void Reasons_NothingToPass()
    {
        var result = MentorAssignment.Solve([Mentee("09999001", 0, 0, Structures.ContactPerson, Structures.Network), Mentor("09999002", 5, 0, Structures.Network)], []);

        Assert.That(ReasonOf(result, "09999001"), Is.EqualTo(PairingRoleReason.NoBenefit));
        Assert.That(ReasonOf(result, "09999002"), Is.EqualTo(PairingRoleReason.NothingToPass));
    }

    [Test]
    public void Reasons_CandidatesAtCapacity()
    {
        // One mentor with one place, two starting mentees: the nearer one brings more, the other is left out.
        var result = MentorAssignment.Solve(
            [Mentee("09999001", 3, 0), Mentee("09999002", 15, 0), Mentor("09999003", 0, 0, Structures.Network)], [],
            new PairingOptions { MaxMenteesPerMentor = 1 });

        Assert.That(result.Pairs.Single().MenteeAgs, Is.EqualTo("09999001"));
        Assert.That(ReasonOf(result, "09999002"), Is.EqualTo(PairingRoleReason.CandidatesAtCapacity));
    }

    [Test]
    public void Reasons_MenteesPairedElsewhere()
    {
        // Both mentors could take A; the nearer one does, the other has nobody else within reach.
        var result = MentorAssignment.Solve(
            [Mentee("09999001", 0, 0), Mentor("09999002", 2, 0, Structures.Network), Mentor("09999003", 10, 0, Structures.Network)], []);

        Assert.That(result.Pairs.Single().MentorAgs, Is.EqualTo("09999002"));
        Assert.That(ReasonOf(result, "09999003"), Is.EqualTo(PairingRoleReason.MenteesPairedElsewhere));
    }

    [Test]
    public void Reasons_OfThoseWhoTakeNoPart()
    {
        var insufficient = Place("09999001", 0, 0, ReadinessTier.InsufficientData, []);
        var noContact = Place("09999002", 1, 0, ReadinessTier.Experienced, [Structures.Network]);
        var flagged = Mentor("09999003", 2, 0, Structures.Network) with { Flags = [ReadinessFlags.VolunteersWithoutPaidBacking] };
        var established = Place("09999004", 3, 0, ReadinessTier.Established, [Structures.ContactPerson, Structures.Network]);

        var result = MentorAssignment.Solve([insufficient, noContact, flagged, established], [], new PairingOptions { MinMentorTier = ReadinessTier.Experienced });

        Assert.That(result.RoleOf("09999001"), Is.EqualTo(new PairingRoleExplanation(PairingRole.None, PairingRoleReason.InsufficientData)));
        Assert.That(result.RoleOf("09999002"), Is.EqualTo(new PairingRoleExplanation(PairingRole.None, PairingRoleReason.NoContactPerson)));
        Assert.That(result.RoleOf("09999003"), Is.EqualTo(new PairingRoleExplanation(PairingRole.None, PairingRoleReason.ExcludedFlag)));
        Assert.That(result.RoleOf("09999004"), Is.EqualTo(new PairingRoleExplanation(PairingRole.None, PairingRoleReason.TierBelowMentor)));
    }

    [TestCase(ReadinessFlags.VolunteersWithoutPaidBacking, false)]
    [TestCase(ReadinessFlags.NoContactPerson, false)]
    [TestCase(ReadinessFlags.NoMigrantRepresentation, true)]
    public void MentorEligibility_ExcludesTheConfiguredFlags(string flag, bool mayMentor)
    {
        var options = new PairingOptions();

        Assert.That(MentorEligibility.WhyNotMentor(ReadinessTier.Experienced, true, [flag], options) is null, Is.EqualTo(mayMentor));
        Assert.That(MentorEligibility.WhyNotMentor(ReadinessTier.Experienced, true, [flag], options with { MentorExcludedFlags = [] }), Is.Null);
    }

    [Test]
    public void CityMentor_MentorsAcrossTheBorderOfTheLandkreisItBorders_AndOnlyThat()
    {
        // City 09161 borders Landkreis 09186 (its neighbour A) but not 09185 (B lies 10 km away, no border with any city member).
        var city = Mentor("09161000", 0, 0, Structures.Network) with { DistrictKey = "09161", IsDistrictFreeCity = true };
        var a = Mentee("09186001", 6, 0) with { DistrictKey = "09186" };
        var b = Mentee("09185001", -10, 0) with { DistrictKey = "09185" };
        Readiness.Scoring.Geo.Neighbour[] neighbours = [Border("09186001", "09161000"), Border("09161000", "09186001")];

        var on = MentorAssignment.Solve([city, a, b], neighbours);
        var off = MentorAssignment.Solve([city, a, b], neighbours, new PairingOptions { CityMentorsAcrossDistrict = false });

        Assert.That(on.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs)), Is.EqualTo(new[] { ("09186001", "09161000") }));
        Assert.That(on.Statistics.CrossDistrictPairs, Is.EqualTo(1));
        Assert.That(ReasonOf(on, "09185001"), Is.EqualTo(PairingRoleReason.MentorsOnlyAcrossDistrictBorder));
        Assert.That(off.Pairs, Is.Empty);
        Assert.That(ReasonOf(off, "09186001"), Is.EqualTo(PairingRoleReason.MentorsOnlyAcrossDistrictBorder));
        Assert.That(ReasonOf(off, "09161000"), Is.EqualTo(PairingRoleReason.MenteesOnlyAcrossDistrictBorder));
    }

    [Test]
    public void CityMentor_CountsItsCapacityLikeAnyMentor()
    {
        var city = Mentor("09161000", 0, 0, Structures.Network) with { DistrictKey = "09161", IsDistrictFreeCity = true };
        var mentees = Enumerable.Range(1, 4).Select(k => Mentee($"0918600{k}", k, 0) with { DistrictKey = "09186" }).ToList();
        Readiness.Scoring.Geo.Neighbour[] neighbours = [.. mentees.Select(m => Border(m.Ags, city.Ags)), .. mentees.Select(m => Border(city.Ags, m.Ags))];

        var result = MentorAssignment.Solve([city, .. mentees], neighbours);

        Assert.That(result.Pairs, Has.Count.EqualTo(new PairingOptions().MaxMenteesPerMentor));
        Assert.That(result.Unpaired.Select(u => u.Cause), Is.Not.Empty.And.All.EqualTo(PairingRoleReason.CandidatesAtCapacity));
        Assert.That(result.Unpaired, Is.Not.Empty);
    }

    [Test]
    public void WeakestFirst_NoStartingMenteeUnpaired_WhileADevelopingOneHoldsAPlaceItCouldUse_OnGeneratedInstances()
    {
        var checkedUnpairedStarting = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var (places, neighbours, options) = MentorAssignmentTests.Generate(seed);
            var tier = places.ToDictionary(p => p.Ags, p => p.Tier);
            var result = MentorAssignment.Solve(places, neighbours, options);
            var developingAt = result.Pairs.Where(p => tier[p.MenteeAgs] == ReadinessTier.Developing).Select(p => p.MentorAgs).ToHashSet();

            foreach (var unpaired in result.Unpaired.Where(u => tier[u.Ags] == ReadinessTier.Starting))
            {
                var useful = result.CandidatesOf(unpaired.Ags).Where(c => c.Benefit > options.MinBenefit).Select(c => c.MentorAgs);
                Assert.That(useful.Where(developingAt.Contains), Is.Empty, $"seed {seed}: {unpaired.Ags} is starting and left out for a developing mentee");
                checkedUnpairedStarting += useful.Any() ? 1 : 0;
            }
        }

        Assert.That(checkedUnpairedStarting, Is.GreaterThan(0), "the generator leaves starting mentees with candidates unpaired");
    }

    [Test]
    public void PairSince_CarriesOverThePreviousRunsSince_AndStartsNewPairsNow()
    {
        var pairs = MentorAssignment.Solve([Mentee("09999001", 0, 0), Mentee("09999002", 1, 0), Mentor("09999003", 5, 0, Structures.Network)], []).Pairs;
        PairSinceRun[] previous = [new("09999001", "09999003", 4), new("09999002", "09999004", 5)];

        var since = PairSince.Carry(previous, pairs, runId: 9);

        Assert.That(pairs.Zip(since).Select(x => (x.First.MenteeAgs, x.Second)), Is.EqualTo(new[] { ("09999001", 4L), ("09999002", 9L) }));
    }
}
