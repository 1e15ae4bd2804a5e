using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Pairing.PairingBuilders;

namespace Readiness.Tests.Scoring.Pairing;

/// <summary>Decisions around the assignment: fixed pairs stand and take a place, excluded pairs are never chosen.</summary>
public sealed class PairDecisionsTests
{
    // A and B are both closest to X; Y is a little further from both; F is 50 km away from everyone (no candidate).
    private static readonly PairingMunicipality A = Mentee("09999001", 0, 0);
    private static readonly PairingMunicipality B = Mentee("09999002", 0, 2);
    private static readonly PairingMunicipality F = Mentee("09999005", 80, 0);
    private static readonly PairingMunicipality X = Mentor("09999003", 2, 1, Structures.Network);
    private static readonly PairingMunicipality Y = Mentor("09999004", -8, 1, Structures.Network);
    private static readonly PairingMunicipality[] Places = [A, B, F, X, Y];

    [Test]
    public void WithoutDecisions_IsExactlyTheAssignment()
    {
        var plain = MentorAssignment.Solve(Places, [], new PairingOptions());
        var decided = PairDecisions.Solve(Places, [], new PairingOptions(), [], []);
        Assert.That(decided.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs, p.Benefit)), Is.EqualTo(plain.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs, p.Benefit))));
        Assert.That(decided.Unpaired, Is.EqualTo(plain.Unpaired));
    }

    [Test]
    public void FixedPair_TakesAPlaceOfTheMentor_EvenWhenItIsNoCandidate()
    {
        var options = new PairingOptions { MaxMenteesPerMentor = 2 };
        var plain = MentorAssignment.Solve(Places, [], options);
        Assert.That(plain.Pairs.Count(p => p.MentorAgs == X.Ags), Is.EqualTo(2), "without decisions X takes both A and B");

        var result = PairDecisions.Solve(Places, [], options, [], [new PairConstraint(F.Ags, X.Ags, Fixed: true)]);

        var ofX = result.Pairs.Where(p => p.MentorAgs == X.Ags).Select(p => p.MenteeAgs).ToList();
        Assert.That(ofX, Has.Count.EqualTo(2).And.Contains(F.Ags));
        Assert.That(result.Pairs.Select(p => p.MenteeAgs), Is.EquivalentTo(new[] { A.Ags, B.Ags, F.Ags }), "the other goes to Y");
        Assert.That(PairDecisions.FixedCount(result, [new PairConstraint(F.Ags, X.Ags, true)]), Is.EqualTo(1));
    }

    [Test]
    public void ExcludedPair_IsNeverChosen_AndTheMenteeGoesElsewhere()
    {
        var result = PairDecisions.Solve(Places, [], new PairingOptions(), [new PreviousPair(A.Ags, X.Ags)], [new PairConstraint(A.Ags, X.Ags, Fixed: false)]);

        Assert.That(result.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs)), Does.Not.Contain((A.Ags, X.Ags)));
        Assert.That(result.PairOf(A.Ags)?.MentorAgs, Is.EqualTo(Y.Ags));
        Assert.That(result.CandidatesOf(A.Ags).Select(c => c.MentorAgs), Does.Contain(X.Ags), "the candidate list still shows it");
    }

    [Test]
    public void FixedMentee_GetsNoOtherMentor_AndAFullMentorTakesNoOne()
    {
        var options = new PairingOptions { MaxMenteesPerMentor = 1 };
        var result = PairDecisions.Solve(Places, [], options, [], [new PairConstraint(A.Ags, Y.Ags, Fixed: true), new PairConstraint(F.Ags, X.Ags, Fixed: true)]);

        Assert.That(result.Pairs.Where(p => p.MenteeAgs == A.Ags).Select(p => p.MentorAgs), Is.EqualTo(new[] { Y.Ags }));
        Assert.That(result.PairOf(B.Ags), Is.Null, "X and Y are full with fixed mentees");
        Assert.That(result.Unpaired.Single(u => u.Ags == B.Ags).Reason, Is.EqualTo(UnpairedReason.NoBenefit));
    }
    [Test]
    public void NeedFirst_WithAFixedPair_SeatsTheStartingMentee_NotTheDevelopingOne()
    {
        // X has two places; the pinned F takes one. D (developing) is nearer to X than S (starting): benefit alone would take D.
        var developing = Place("09999011", 2, 0, ReadinessTier.Developing, []);
        var starting = Mentee("09999012", 12, 0);
        var far = Mentee("09999013", 80, 0);
        var mentor = Mentor("09999014", 0, 0, Structures.Network);
        var places = new[] { developing, starting, far, mentor };
        var options = new PairingOptions { MaxMenteesPerMentor = 2 };
        PairConstraint[] pinned = [new(far.Ags, mentor.Ags, Fixed: true)];

        var result = PairDecisions.Solve(places, [], options, [], pinned);
        var benefitOnly = PairDecisions.Solve(places, [], options with { NeedFirst = false }, [], pinned);

        Assert.That(result.Pairs.Select(p => p.MenteeAgs), Is.EquivalentTo(new[] { far.Ags, starting.Ags }));
        Assert.That(benefitOnly.Pairs.Select(p => p.MenteeAgs), Is.EquivalentTo(new[] { far.Ags, developing.Ags }), "the instance is one where need first matters");
        Assert.That(result.Statistics.StartingPaired, Is.EqualTo(2));
        Assert.That(result.NeedFirstPrice, Is.EqualTo(benefitOnly.TotalBenefit - result.TotalBenefit).Within(1e-9));
        Assert.That(result.NeedFirstPrice, Is.GreaterThan(0));
    }

    [Test]
    public void WithDecisions_EqualsBruteForceOptimum_NeedFirstThenBenefit_OnGeneratedInstances()
    {
        var instancesWithDecisions = 0;
        for (var seed = 1; seed <= 200; seed++)
        {
            var (places, neighbours, options) = MentorAssignmentTests.Generate(seed);
            var tier = places.ToDictionary(p => p.Ags, p => p.Tier);
            var candidates = MentorAssignment.Solve(places, neighbours, options).Candidates.Values.SelectMany(c => c)
                .Where(c => c.Benefit > options.MinBenefit).OrderBy(c => c.MenteeAgs).ThenBy(c => c.MentorAgs).ToList();
            if (candidates.Count < 2)
            {
                continue;
            }

            // One candidate pair pinned, one other excluded, picked by the seed.
            var random = new Random(seed);
            var fix = candidates[random.Next(candidates.Count)];
            var exclude = candidates.Where(c => c.MenteeAgs != fix.MenteeAgs).ElementAtOrDefault(random.Next(candidates.Count));
            List<PairConstraint> constraints = [new(fix.MenteeAgs, fix.MentorAgs, Fixed: true)];
            if (exclude is not null)
            {
                constraints.Add(new(exclude.MenteeAgs, exclude.MentorAgs, Fixed: false));
            }

            instancesWithDecisions++;
            var result = PairDecisions.Solve(places, neighbours, options, [], constraints);

            Assert.That(result.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs)), Does.Contain((fix.MenteeAgs, fix.MentorAgs)), $"seed {seed}: the pinned pair stands");
            Assert.That(result.Pairs.Select(p => p.MenteeAgs), Is.Unique, $"seed {seed}: one mentor per mentee");
            Assert.That(result.Pairs.CountBy(p => p.MentorAgs).Select(c => c.Value), Has.All.LessThanOrEqualTo(options.MaxMenteesPerMentor), $"seed {seed}: capacity");
            if (exclude is not null)
            {
                Assert.That(result.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs)), Does.Not.Contain((exclude.MenteeAgs, exclude.MentorAgs)), $"seed {seed}: excluded");
            }

            // The rest: the best plan over the open candidates and the places the pinned pair leaves, computed by enumeration.
            var open = candidates.Where(c => c.MenteeAgs != fix.MenteeAgs && c != exclude).ToList();
            var (starting, benefit) = MentorAssignmentTests.BruteForce(open, options.MaxMenteesPerMentor, m => tier[m] == ReadinessTier.Starting,
                mentor => options.MaxMenteesPerMentor - (mentor == fix.MentorAgs ? 1 : 0));
            var rest = result.Pairs.Where(p => p.MenteeAgs != fix.MenteeAgs).ToList();
            Assert.That(rest.Count(p => tier[p.MenteeAgs] == ReadinessTier.Starting), Is.EqualTo(starting), $"seed {seed}: as many starting mentees as possible");
            Assert.That(rest.Sum(p => p.Benefit), Is.EqualTo(benefit).Within(1e-5), $"seed {seed}: then the most benefit");
        }

        Assert.That(instancesWithDecisions, Is.GreaterThan(100), "the generator makes instances with decisions");
    }
    [Test]
    public void WithDecisions_UnpairedCausesAndRoles_FollowTheDecidedPlan()
    {
        var options = new PairingOptions { MaxMenteesPerMentor = 1 };
        var plain = MentorAssignment.Solve(Places, [], options);
        var result = PairDecisions.Solve(Places, [], options, [], [new PairConstraint(A.Ags, Y.Ags, Fixed: true), new PairConstraint(B.Ags, X.Ags, Fixed: false)]);

        Assert.That(result.Unpaired.Single(u => u.Ags == F.Ags).Cause, Is.EqualTo(plain.Unpaired.Single(u => u.Ags == F.Ags).Cause),
            "a mentee without candidates keeps its precise cause");
        var paired = result.Pairs.Select(p => p.MenteeAgs).ToHashSet();
        var mentoring = result.Pairs.Select(p => p.MentorAgs).ToHashSet();
        Assert.That(result.Roles, Has.Count.EqualTo(Places.Length));
        Assert.That(result.Roles.Where(r => r.Value.Reason == PairingRoleReason.MenteePaired).Select(r => r.Key), Is.EquivalentTo(paired));
        Assert.That(result.Roles.Where(r => r.Value.Reason == PairingRoleReason.MentorPaired).Select(r => r.Key), Is.EquivalentTo(mentoring));
        Assert.That(result.Unpaired.Select(u => result.RoleOf(u.Ags)!.Reason), Is.EqualTo(result.Unpaired.Select(u => u.Cause)));
    }
}
