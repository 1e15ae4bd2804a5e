using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

public sealed class RecommendationTests
{
    private static readonly List<ScoringInput> Inputs = RandomInputs(300, seed: 2024);

    private static AssessmentAnswers Add(AssessmentAnswers a, string structure) => structure switch
    {
        Structures.ContactPerson => a with { ContactPerson = true },
        Structures.PaidStaff => a with { PaidStaffFte = 0.5 },
        Structures.Network => a with { Network = true },
        Structures.VolunteerCoordination => a with { VolunteerCoordination = true },
        Structures.MigrantCouncil => a with { MigrantCouncil = true },
        Structures.IntegrationConcept => a with { IntegrationConcept = true },
        Structures.CouncilResolution => a with { CouncilResolution = true },
        Structures.IntermunicipalExchange => a with { IntermunicipalExchange = true },
        _ => throw new ArgumentOutOfRangeException(nameof(structure)),
    };

    [TestCase(NormalizationMethod.Goalposts)]
    [TestCase(NormalizationMethod.Rank)]
    public void Gains_EqualARescore_AndComeBestFirst(NormalizationMethod method)
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance.Variant(method, AggregationMethod.Arithmetic), Inputs);
        var recommender = new Recommender(run, [.. Inputs.Select(i => i.Facts.DistrictKey)]);

        var total = 0;
        for (var r = 0; r < Inputs.Count; r++)
        {
            var answers = Inputs[r].Answers;
            var recommendations = recommender.For(r);
            var lacking = answers is null ? [] : Structures.All.Where(s => Structures.Has(answers, s) == false).ToList();
            Assert.That(recommendations.Select(x => x.Structure), Is.EquivalentTo(lacking));
            foreach (var recommendation in recommendations)
            {
                var rescored = run.Rescore(r, Add(answers!, recommendation.Structure)).Score;
                Assert.That(recommendation.ExpectedGain, Is.EqualTo(rescored - run.Results[r].Score).Within(1e-9));
            }

            var gains = recommendations.Select(x => x.ExpectedGain ?? double.NegativeInfinity).ToList();
            Assert.That(gains, Is.Ordered.Descending);
            total += recommendations.Count;
        }

        Assert.That(total, Is.GreaterThan(300));
    }

    [Test]
    public void PeersHaving_CountsHigherTierMunicipalitiesOfTheSamePeerSetWithTheStructure()
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance, Inputs);
        var recommender = new Recommender(run, [.. Inputs.Select(i => i.Facts.DistrictKey)]);

        for (var r = 0; r < Inputs.Count; r++)
        {
            foreach (var recommendation in recommender.For(r))
            {
                var peers = Enumerable.Range(0, Inputs.Count)
                    .Where(o => Inputs[o].Facts.DistrictKey == Inputs[r].Facts.DistrictKey && run.Results[o].Tier > run.Results[r].Tier)
                    .ToList();
                var having = peers.Count(o => Inputs[o].Answers is { } a && Structures.Has(a, recommendation.Structure) == true);
                Assert.That((recommendation.PeersHaving, recommendation.PeersAtHigherTier), Is.EqualTo((having, peers.Count)));
            }
        }
    }

    // Issue 15: the counts were reported swapped. Five municipalities of one peer set and one outside it, made by hand:
    // of the two ahead of the target only one has a network; the one behind it with a network and the one outside do not count.
    [Test]
    public void PeersAtHigherTier_CountsThoseAhead_AndPeersHaving_TheOnesAmongThemWithTheStructure()
    {
        var lacking = Complete(structures: false) with { ActiveVolunteers = 0, IntegrationBudgetEur = 0, YearsOfIntegrationWork = 0 };
        var inputs = new List<ScoringInput>
        {
            new(Facts("09000001"), lacking with { MigrantCouncil = true }),
            new(Facts("09000002"), Complete(structures: true)),
            new(Facts("09000003"), Complete(structures: true) with { Network = false }),
            new(Facts("09000004"), lacking with { Network = true }),
            new(Facts("09000005"), lacking),
            new(Facts("09000006"), Complete(structures: true)),
        };
        var run = ReadinessScorer.Score(DefaultProfile.Instance, inputs);
        Assert.That(new[] { run.Results[1].Tier, run.Results[2].Tier }, Has.All.GreaterThan(run.Results[0].Tier), "the two ahead are ahead");
        Assert.That(new[] { run.Results[3].Tier, run.Results[4].Tier }, Has.All.LessThanOrEqualTo(run.Results[0].Tier), "the others are not");

        var network = new Recommender(run, ["a", "a", "a", "a", "a", "b"]).For(0).Single(r => r.Structure == Structures.Network);

        Assert.That(network.PeersAtHigherTier, Is.EqualTo(2));
        Assert.That(network.PeersHaving, Is.EqualTo(1));
    }

    // Default profile, everything answered: structures carry 0.5 of the weight, split 2 : 2 : 1 : 1.5 : 1.5 : 1 : 1 : 1 (sum 11).
    // A contact person adds 100 · 0.5 · 2/11 = 9.0909 points; 0.5 FTE paid staff (goalposts 0..1) adds 100 · 0.5 · 2/11 · 0.5 = 4.5454.
    [Test]
    public void Gains_MatchTheWeights_ForAFullyAnsweredMunicipality()
    {
        var inputs = new List<ScoringInput> { new(Facts("09000001"), Complete(structures: false)) };
        var run = ReadinessScorer.Score(DefaultProfile.Instance, inputs);

        var gains = new Recommender(run, ["09999"]).For(0).ToDictionary(x => x.Structure, x => x.ExpectedGain);

        Assert.That(gains[Structures.ContactPerson], Is.EqualTo(100 * 0.5 * 2 / 11).Within(1e-9));
        Assert.That(gains[Structures.PaidStaff], Is.EqualTo(100 * 0.5 * 2 / 11 * 0.5).Within(1e-9));
        Assert.That(gains[Structures.MigrantCouncil], Is.EqualTo(100 * 0.5 * 1.5 / 11).Within(1e-9));
        Assert.That(gains.Keys.First(), Is.EqualTo(Structures.ContactPerson));
    }

    [Test]
    public void MissingStructure_IsNotRecommended_AsIfLacking()
    {
        var answers = Complete(structures: true) with { MigrantCouncil = null, Network = false };
        var run = ReadinessScorer.Score(DefaultProfile.Instance, [new ScoringInput(Facts("09000001"), answers)]);

        var recommendations = new Recommender(run, ["09999"]).For(0);

        Assert.That(recommendations.Select(x => x.Structure), Is.EqualTo(new[] { Structures.Network }));
    }
}
