using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
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
}
