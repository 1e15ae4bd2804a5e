using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using static Readiness.Tests.Scoring.Pairing.PairingBuilders;

namespace Readiness.Tests.Scoring.Pairing;

public sealed class HysteresisTests
{
    // The previous mentor sits 10 km away; an identical rival at the given distance. Benefits differ
    // only by proximity exp(-d/20): at 9 km the rival is exp(1/20) = 1.051 times better (within the
    // 10 % margin), at 7 km exp(3/20) = 1.162 times (beyond it).
    [TestCase(9.0, "09999002", TestName = "PreviousPair_IsKept_WhenRivalBeatsItByLessThanTheMargin")]
    [TestCase(7.0, "09999003", TestName = "PreviousPair_IsReplaced_WhenRivalBeatsItByMoreThanTheMargin")]
    public void PreviousPair_AgainstRival(double rivalKm, string expectedMentor)
    {
        var mentee = Mentee("09999001", 0, 0);
        var previous = Mentor("09999002", 10, 0, Structures.Network);
        var rival = Mentor("09999003", -rivalKm, 0, Structures.Network);

        var withoutHistory = MentorAssignment.Solve([mentee, previous, rival], []);
        var result = MentorAssignment.Solve([mentee, previous, rival], [], previousPairs: [new PreviousPair("09999001", "09999002")]);

        var pair = result.Pairs.Single();
        Assert.That(withoutHistory.Pairs.Single().MentorAgs, Is.EqualTo("09999003"), "without history the rival wins");
        Assert.That(pair.MentorAgs, Is.EqualTo(expectedMentor));
        Assert.That(pair.WasPrevious, Is.EqualTo(expectedMentor == "09999002"));
        // The reported benefit is the true one, never the stickiness-inflated objective.
        Assert.That(pair.Benefit, Is.EqualTo(withoutHistory.CandidatesOf("09999001").Single(c => c.MentorAgs == expectedMentor).Benefit));
    }

    [Test]
    public void AbsoluteMargin_KeepsPreviousPair_AgainstAClearlyBetterRival()
    {
        // Scores just the minimum gap apart, so the transfer is the structure gap plus a small score gap.
        var mentee = Mentee("09999001", 0, 0) with { Score = 40 };
        var previous = Mentor("09999002", 10, 0, Structures.Network) with { Score = 50 };
        var rival = Mentor("09999003", -2, 0, Structures.Network) with { Score = 50 };
        PreviousPair[] history = [new("09999001", "09999002")];

        var relative = MentorAssignment.Solve([mentee, previous, rival], [], previousPairs: history);
        var absolute = MentorAssignment.Solve([mentee, previous, rival], [], new PairingOptions { StickinessAbsolute = 0.1 }, history);

        Assert.That(relative.Pairs.Single().MentorAgs, Is.EqualTo("09999003"));
        Assert.That(absolute.Pairs.Single().MentorAgs, Is.EqualTo("09999002"));
        Assert.That(absolute.Statistics.KeptFromPrevious, Is.EqualTo(1));
    }

    [Test]
    public void PreviousPair_ThatIsNoLongerACandidate_IsIgnored()
    {
        var mentee = Mentee("09999001", 0, 0);
        var mentor = Mentor("09999003", 5, 0, Structures.Network);

        var result = MentorAssignment.Solve([mentee, mentor], [], previousPairs: [new PreviousPair("09999001", "09999002")]);

        Assert.That(result.Pairs.Single().MentorAgs, Is.EqualTo("09999003"));
        Assert.That(result.Pairs.Single().WasPrevious, Is.False);
    }
}
