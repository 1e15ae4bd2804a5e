using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using static Readiness.Tests.Scoring.Pairing.PairingBuilders;

namespace Readiness.Tests.Scoring.Pairing;

public sealed class UnpairedReasonTests
{
    [Test]
    public void Unpaired_NoCandidate_WhenNoMentorIsWithinReach()
    {
        var result = MentorAssignment.Solve([Mentee("09999001", 0, 0), Mentor("09999002", 45, 0, Structures.Network)], []);

        var unpaired = result.Unpaired.Single();
        Assert.That(unpaired.Reason, Is.EqualTo(UnpairedReason.NoCandidate));
        Assert.That(unpaired.CandidateCount, Is.Zero);
        Assert.That(unpaired.BestCandidateAgs, Is.Null);
    }

    [Test]
    public void Unpaired_NoBenefit_WhenTheMentorHasNothingTheMenteeLacks()
    {
        var mentee = Mentee("09999001", 0, 0, Structures.ContactPerson, Structures.Network);
        var mentor = Mentor("09999002", 5, 0, Structures.Network);

        var result = MentorAssignment.Solve([mentee, mentor], []);

        var unpaired = result.Unpaired.Single();
        Assert.That(unpaired.Reason, Is.EqualTo(UnpairedReason.NoBenefit));
        Assert.That(unpaired.CandidateCount, Is.EqualTo(1));
        Assert.That(unpaired.BestCandidateBenefit, Is.Zero);
        Assert.That(result.CandidatesOf("09999001").Single().Topics, Is.Empty);
    }

    [Test]
    public void Unpaired_CandidatesAtCapacity_WhenTheOnlyMentorIsBetterUsedElsewhere()
    {
        // One mentor with one place, two mentees: the nearer one brings more, the other is left out.
        var near = Mentee("09999001", 3, 0);
        var far = Mentee("09999002", 15, 0);
        var mentor = Mentor("09999003", 0, 0, Structures.Network);

        var result = MentorAssignment.Solve([near, far, mentor], [], new PairingOptions { MaxMenteesPerMentor = 1 });

        Assert.That(result.Pairs.Single().MenteeAgs, Is.EqualTo("09999001"));
        var unpaired = result.Unpaired.Single();
        Assert.That(unpaired.Ags, Is.EqualTo("09999002"));
        Assert.That(unpaired.Reason, Is.EqualTo(UnpairedReason.CandidatesAtCapacity));
        Assert.That(unpaired.BestCandidateAgs, Is.EqualTo("09999003"));
        Assert.That(unpaired.BestCandidateBenefit, Is.LessThan(result.Pairs.Single().Benefit));
    }

    [Test]
    public void Unpaired_Reasons_AreConsistentWithTheSolution_OnGeneratedInstances()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var (places, neighbours, options) = MentorAssignmentTests.Generate(seed);
            var result = MentorAssignment.Solve(places, neighbours, options);
            var load = result.Pairs.CountBy(p => p.MentorAgs).ToDictionary(c => c.Key, c => c.Value);

            foreach (var unpaired in result.Unpaired)
            {
                var candidates = result.CandidatesOf(unpaired.Ags);
                var useful = candidates.Where(c => c.Benefit > 0).ToList();
                var expected = candidates.Count == 0 ? UnpairedReason.NoCandidate
                    : useful.Count == 0 ? UnpairedReason.NoBenefit
                    : UnpairedReason.CandidatesAtCapacity;
                Assert.That(unpaired.Reason, Is.EqualTo(expected), $"seed {seed}, {unpaired.Ags}");
                // Empty for a mentee without a useful candidate: its reason (checked above) says so.
                Assert.That(useful.Select(c => load.GetValueOrDefault(c.MentorAgs)), Has.All.EqualTo(options.MaxMenteesPerMentor),
                    $"seed {seed}, {unpaired.Ags}: every useful candidate is full");
            }
        }
    }
}
