using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

public sealed class FlagsTests
{
    private static IReadOnlyList<string> FlagsOf(AssessmentAnswers? answers, double? foreignShare = 0.05, ReadinessTier tier = ReadinessTier.Developing) =>
        ReadinessFlags.For(DefaultProfile.Instance, Facts("09000001", foreignShare: foreignShare), answers, tier);

    // Volunteers without paid staff and without coordination; known answers only.
    [TestCase(12, 0.0, false, true)]
    [TestCase(12, 0.5, false, false)] // paid staff backs them
    [TestCase(12, 0.0, true, false)] // coordinated
    [TestCase(0, 0.0, false, false)] // no volunteers
    [TestCase(12, null, false, false)] // paid staff unknown: not flagged on a guess
    [TestCase(12, 0.0, null, false)]
    [TestCase(null, 0.0, false, false)]
    public void VolunteersWithoutPaidBacking(int? volunteers, double? fte, bool? coordination, bool flagged)
    {
        var flags = FlagsOf(new AssessmentAnswers { ActiveVolunteers = volunteers, PaidStaffFte = fte, VolunteerCoordination = coordination, ContactPerson = true });

        Assert.That(flags.Contains(ReadinessFlags.VolunteersWithoutPaidBacking), Is.EqualTo(flagged));
    }

    // Default threshold 10 %: above it and no council → flagged.
    [TestCase(0.15, false, true)]
    [TestCase(0.15, true, false)]
    [TestCase(0.15, null, false)]
    [TestCase(0.10, false, false)] // at the threshold, not above
    [TestCase(0.04, false, false)]
    [TestCase(null, false, false)] // census share not published
    public void NoMigrantRepresentation(double? share, bool? council, bool flagged)
    {
        var flags = FlagsOf(new AssessmentAnswers { MigrantCouncil = council, ContactPerson = true }, share);

        Assert.That(flags.Contains(ReadinessFlags.NoMigrantRepresentation), Is.EqualTo(flagged));
    }

    [TestCase(false, true)]
    [TestCase(true, false)]
    [TestCase(null, false)]
    public void NoContactPerson(bool? contact, bool flagged) =>
        Assert.That(FlagsOf(new AssessmentAnswers { ContactPerson = contact }).Contains(ReadinessFlags.NoContactPerson), Is.EqualTo(flagged));

    [Test]
    public void InsufficientData_FollowsTheTier_AndAllKeysAreKebabCase()
    {
        Assert.That(FlagsOf(null, tier: ReadinessTier.InsufficientData), Is.EqualTo(new[] { ReadinessFlags.InsufficientData }));
        Assert.That(FlagsOf(null, tier: ReadinessTier.Starting), Is.Empty);
        Assert.That(ReadinessFlags.All, Is.Not.Empty.And.All.Match("^[a-z]+(-[a-z]+)*$"));
    }
}
