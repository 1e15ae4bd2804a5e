using System.Text.Json;
using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

public sealed class TierRequirementTests
{
    private static MunicipalityScore ScoreOf(AssessmentAnswers answers, ScoringProfile? profile = null) =>
        ReadinessScorer.Score(profile ?? DefaultProfile.Instance, [new ScoringInput(Facts("09000001", foreignShare: 0.2), answers)]).Results[0];

    [Test]
    public void Tier_IsCappedBelowEstablished_WhenTheContactPersonIsMissing_AndTheScoreStays()
    {
        var full = Complete(structures: true) with { PaidStaffFte = 2 };
        var without = full with { ContactPerson = false };

        var uncapped = ScoreOf(without, DefaultProfile.Instance with { TierRequirements = [] });
        var capped = ScoreOf(without);

        Assert.That(uncapped.Tier, Is.EqualTo(ReadinessTier.Experienced), "the score alone reaches the top tier");
        Assert.That(capped.Tier, Is.EqualTo(ReadinessTier.Developing));
        Assert.That(capped.TierCappedBy, Is.EqualTo(new[] { "contactPerson" }));
        Assert.That(capped.TierByScore, Is.EqualTo(ReadinessTier.Experienced));
        Assert.That(capped.Score, Is.EqualTo(uncapped.Score), "the cap changes the tier, not the score");
        Assert.That(ScoreOf(full).TierCappedBy, Is.Empty);
    }

    [TestCase(0.3, null, ReadinessTier.Established, "paidStaffFte")]
    [TestCase(0.5, null, ReadinessTier.Experienced, null)]
    [TestCase(0.5, Provider.AdministrativeUnion, ReadinessTier.Experienced, null)]
    public void Experienced_NeedsHalfAPaidPosition_OwnOrShared(double fte, Provider? provider, ReadinessTier expected, string? cappedBy)
    {
        // Everything else at its best, so the score is experienced whatever the paid staff.
        var answers = Complete(structures: true) with { PaidStaffFte = fte, PaidStaffFteProvider = provider, IntegrationBudgetEur = 1e6, ActiveVolunteers = 1000, MigrantOrganisations = 100, YearsOfIntegrationWork = 30 };

        var score = ScoreOf(answers);

        Assert.That(score.TierByScore ?? score.Tier, Is.EqualTo(ReadinessTier.Experienced));
        Assert.That(score.Tier, Is.EqualTo(expected));
        Assert.That(score.TierCappedBy, Is.EqualTo(cappedBy is null ? Array.Empty<string>() : new[] { cappedBy }));
    }

    [Test]
    public void SharedContactPerson_MeetsTheRequirement()
    {
        var answers = Complete(structures: true) with { ContactPerson = true, ContactPersonProvider = Provider.District };

        Assert.That(ScoreOf(answers).TierCappedBy, Is.Empty);
    }

    [Test]
    public void Rescore_AppliesTheSameCap()
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance, [new ScoringInput(Facts("09000001"), Complete(true))]);

        var rescored = run.Rescore(0, Complete(true) with { ContactPerson = false });

        Assert.That(rescored.TierCappedBy, Is.EqualTo(new[] { "contactPerson" }));
        Assert.That(rescored.Tier, Is.LessThan(ReadinessTier.Established));
    }

    [Test]
    public void ProfileJson_WithoutRequirements_GetsTheDefaults_AndAnEmptyListMeansNone()
    {
        var json = JsonSerializer.Serialize(DefaultProfile.Instance, ScoringJson.Options);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("tierRequirements");
        node.Remove("sharedProvision");

        var absent = JsonSerializer.Deserialize<ScoringProfile>(node.ToJsonString(), ScoringJson.Options)!;
        node["tierRequirements"] = new System.Text.Json.Nodes.JsonArray();
        var none = JsonSerializer.Deserialize<ScoringProfile>(node.ToJsonString(), ScoringJson.Options)!;

        Assert.That(absent.TierRequirements, Is.EqualTo(TierRequirement.Defaults));
        Assert.That(absent.SharedProvision, Is.EqualTo(new SharedProvisionWeights()));
        Assert.That(none.TierRequirements, Is.Empty);
        Assert.That(json, Does.Contain("\"tier\": \"experienced\"").And.Contain("\"key\": \"paidStaffFte\""));
    }

    [Test]
    public void Validator_RejectsUnknownKeys_MinimumOnYesNo_Duplicates_AndWeightsOutOfRange()
    {
        var profile = DefaultProfile.Instance with
        {
            TierRequirements =
            [
                new() { Tier = ReadinessTier.Established, Key = "budget" },
                new() { Tier = ReadinessTier.Established, Key = "network", Minimum = 1 },
                new() { Tier = ReadinessTier.Starting, Key = "contactPerson" },
                new() { Tier = ReadinessTier.Experienced, Key = "paidStaffFte", Minimum = 0.5 },
                new() { Tier = ReadinessTier.Experienced, Key = "paidStaffFte" },
            ],
            SharedProvision = new() { District = 1.5 },
        };

        var errors = ProfileValidator.Validate(profile);

        Assert.That(errors.Keys, Is.EquivalentTo(new[]
        {
            "tierRequirements[0].key", "tierRequirements[1].minimum", "tierRequirements[2].tier", "tierRequirements[4].key", "sharedProvision.district",
        }));
    }
}

public sealed class SharedProvisionTests
{
    [TestCase(null, 1.0)]
    [TestCase(Provider.Own, 1.0)]
    [TestCase(Provider.AdministrativeUnion, 0.75)]
    [TestCase(Provider.District, 0.5)]
    public void SharedStructure_CountsWithTheProfilesWeight(Provider? provider, double normalized)
    {
        var answers = Complete(structures: true) with { ContactPersonProvider = provider };

        var score = ReadinessScorer.Score(DefaultProfile.Instance, [new ScoringInput(Facts("09000001"), answers)]).Results[0];

        var contact = score.Indicators.Single(i => i.Key == IndicatorKeys.ContactPerson);
        Assert.That(contact.Normalized, Is.EqualTo(normalized).Within(1e-12));
        Assert.That(contact.RawValue, Is.EqualTo(1), "the answer stays as given");
    }

    [Test]
    public void SharedStructure_NeverScoresBelowMissingIt_NorAboveOwningIt()
    {
        foreach (var input in RandomInputs(200, seed: 12345))
        {
            var answers = (input.Answers ?? new AssessmentAnswers()) with { Network = true, NetworkProvider = null };
            Score(answers with { NetworkProvider = Provider.District }, out var shared);
            Score(answers, out var own);
            Score(answers with { Network = false }, out var none);
            if (shared is null)
            {
                continue;
            }

            Assert.That(shared, Is.InRange(none!.Value - 1e-9, own!.Value + 1e-9));

            void Score(AssessmentAnswers a, out double? result) =>
                result = ReadinessScorer.Score(DefaultProfile.Instance, [input with { Answers = a }]).Results[0].Score;
        }
    }

    [Test]
    public void SharedVolunteerCoordination_IsNoVolunteersWithoutPaidBacking()
    {
        var answers = new AssessmentAnswers { ActiveVolunteers = 20, PaidStaffFte = 0, VolunteerCoordination = true, VolunteerCoordinationProvider = Provider.AdministrativeUnion };

        var flags = ReadinessFlags.For(DefaultProfile.Instance, Facts("09000001"), answers, ReadinessTier.Developing);

        Assert.That(flags, Does.Not.Contain(ReadinessFlags.VolunteersWithoutPaidBacking));
        Assert.That(Structures.Has(answers, Structures.VolunteerCoordination), Is.True, "present for pairing topics and shared offers");
    }
}
