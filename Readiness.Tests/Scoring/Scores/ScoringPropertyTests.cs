using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Scores.ScoreFixtures;

namespace Readiness.Tests.Scoring.Scores;

/// <summary>Properties over 300 generated municipalities (fixed seed), for every normalisation and aggregation.</summary>
public sealed class ScoringPropertyTests
{
    private static readonly List<ScoringInput> Inputs = RandomInputs(300, seed: 4711);

    private static IEnumerable<TestCaseData> Variants() =>
        AllVariants().Select(v => new TestCaseData(v.Method, v.Aggregation));

    private static readonly (string Structure, Func<AssessmentAnswers, AssessmentAnswers> Add)[] AddStructure =
    [
        (Structures.ContactPerson, a => a with { ContactPerson = true }),
        (Structures.PaidStaff, a => a with { PaidStaffFte = 0.5 }),
        (Structures.Network, a => a with { Network = true }),
        (Structures.VolunteerCoordination, a => a with { VolunteerCoordination = true }),
        (Structures.MigrantCouncil, a => a with { MigrantCouncil = true }),
        (Structures.IntegrationConcept, a => a with { IntegrationConcept = true }),
        (Structures.CouncilResolution, a => a with { CouncilResolution = true }),
        (Structures.IntermunicipalExchange, a => a with { IntermunicipalExchange = true }),
    ];

    [TestCaseSource(nameof(Variants))]
    public void Score_NeverDecreases_WhenALackingStructureIsAdded(NormalizationMethod method, AggregationMethod aggregation)
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance.Variant(method, aggregation), Inputs);
        var checkedCases = 0;
        for (var r = 0; r < Inputs.Count; r++)
        {
            if (Inputs[r].Answers is not { } answers || run.Results[r].Score is not { } before)
            {
                continue;
            }

            foreach (var (structure, add) in AddStructure)
            {
                // Known to lack it. An unknown answer turning into "yes" can only be guaranteed not to lower the
                // score where "yes" normalises to 1 (goalposts): the answer joins the pillar's average, and under
                // rank normalisation a "yes" that many others share ranks below 1 (see docs/scoring.md).
                var has = Structures.Has(answers, structure);
                var unknownYesNo = has is null && structure != Structures.PaidStaff && method == NormalizationMethod.Goalposts;
                if (has != false && !unknownYesNo)
                {
                    continue;
                }

                var after = run.Rescore(r, add(answers)).Score;
                Assert.That(after, Is.GreaterThanOrEqualTo(before - 1e-9), $"{Inputs[r].Facts.Ags} + {structure}");
                checkedCases++;
            }
        }

        Assert.That(checkedCases, Is.GreaterThan(500));
    }

    [TestCaseSource(nameof(Variants))]
    public void Contributions_AddUpToTheScore(NormalizationMethod method, AggregationMethod aggregation)
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance.Variant(method, aggregation), Inputs);

        var scored = run.Results.Where(s => s.Score is not null).ToList();
        Assert.That(scored, Has.Count.GreaterThan(250));
        foreach (var score in scored)
        {
            var sum = score.Indicators.Sum(i => i.Contribution ?? 0);
            Assert.That(sum, Is.EqualTo(score.Score!.Value).Within(1e-9), score.Ags);
            Assert.That(score.Score, Is.InRange(0, 100 + 1e-9));
        }
    }

    [TestCaseSource(nameof(Variants))]
    public void SameInput_GivesSameOutput_WhateverTheOrder(NormalizationMethod method, AggregationMethod aggregation)
    {
        var profile = DefaultProfile.Instance.Variant(method, aggregation);
        var shuffled = Inputs.OrderBy(i => SplitMix64.Fnv1a(i.Facts.Ags)).ToList();

        var first = ReadinessScorer.Score(profile, Inputs);
        var again = ReadinessScorer.Score(profile, Inputs);
        var reordered = ReadinessScorer.Score(profile, shuffled);

        for (var r = 0; r < Inputs.Count; r++)
        {
            var other = reordered.Results[reordered.IndexOf(Inputs[r].Facts.Ags)];
            Assert.That(Describe(again.Results[r]), Is.EqualTo(Describe(first.Results[r])));
            Assert.That(Describe(other), Is.EqualTo(Describe(first.Results[r])));
        }
    }

    private static string Describe(MunicipalityScore s) =>
        FormattableString.Invariant($"{s.Ags} {s.Score:R} {s.Tier} {s.Coverage:R} ")
        + string.Join("|", s.Indicators.Select(i => FormattableString.Invariant($"{i.Normalized:R}/{i.Weight:R}/{i.Contribution:R}")));

    /// <summary>
    /// Missing drops out, as if the indicator had weight 0; an explicit 0 or "no" counts as 0 and lowers coverage less.
    /// </summary>
    [TestCaseSource(nameof(Variants))]
    public void MissingAnswer_IsNeverTreatedAsZero(NormalizationMethod method, AggregationMethod aggregation)
    {
        var profile = DefaultProfile.Instance.Variant(method, aggregation) with { CoverageFloor = 0.3 };
        var zeroed = (from input in Inputs
                      where input.Answers is not null
                      select input with { Answers = input.Answers! with { Network = false, ActiveVolunteers = 0 } }).ToList();
        var missing = zeroed.Select(i => i with { Answers = i.Answers! with { Network = null, ActiveVolunteers = null } }).ToList();
        var withoutThem = profile with
        {
            Indicators = [.. profile.Indicators.Select(d => d.Key is IndicatorKeys.Network or IndicatorKeys.ActiveVolunteers ? d with { Weight = 0 } : d)],
        };

        var zeroRun = ReadinessScorer.Score(profile, zeroed);
        var missingRun = ReadinessScorer.Score(profile, missing);
        var droppedRun = ReadinessScorer.Score(withoutThem, missing);

        var differences = 0;
        for (var r = 0; r < zeroed.Count; r++)
        {
            Assert.That(missingRun.Results[r].Coverage, Is.LessThan(zeroRun.Results[r].Coverage));
            Assert.That(missingRun.Results[r].Indicators.Single(i => i.Key == IndicatorKeys.Network).Normalized, Is.Null);
            if (missingRun.Results[r].Score is { } m && droppedRun.Results[r].Score is { } d && zeroRun.Results[r].Score is { } z)
            {
                Assert.That(m, Is.EqualTo(d).Within(1e-9), zeroed[r].Facts.Ags);
                differences += Math.Abs(m - z) > 1e-6 ? 1 : 0;
            }
        }

        Assert.That(differences, Is.GreaterThan(zeroed.Count / 2), "a missing answer scored like an explicit 0 too often");
    }

    [Test]
    public void NoAssessment_IsInsufficientData_NotZero()
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance, [new ScoringInput(Facts("09000001"), null)]);

        Assert.That((run.Results[0].Score, run.Results[0].Tier), Is.EqualTo(((double?)null, ReadinessTier.InsufficientData)));
        // Only the census foreign share is known: 0.2 (experience) × 1/2.5 = 0.08 of the weight.
        Assert.That(run.Results[0].Coverage, Is.EqualTo(0.08).Within(1e-12));
    }

    // The census share is not published for about 340 municipalities: that is missing, not a share of 0.
    [Test]
    public void MissingForeignShare_IsMissing_NotZero()
    {
        var answers = ScoreFixtures.Complete(structures: true);
        var run = ReadinessScorer.Score(DefaultProfile.Instance, [new ScoringInput(Facts("09000001", foreignShare: null), answers), new ScoringInput(Facts("09000002", foreignShare: 0.0), answers)]);

        var (unpublished, zero) = (run.Results[0], run.Results[1]);
        Assert.That(unpublished.Indicators.Single(i => i.Key == IndicatorKeys.ForeignShare).Normalized, Is.Null);
        Assert.That(zero.Indicators.Single(i => i.Key == IndicatorKeys.ForeignShare).Normalized, Is.Zero);
        // Unanswered: the foreign share, 0.2 (experience) × 1/2.5 = 0.08, and the self-organisations per 1,000
        // foreign residents, whose denominator is unknown too: 0.3 (resources) × 1/4.5 = 0.0667.
        Assert.That(unpublished.Coverage, Is.EqualTo(1 - 0.08 - (0.3 / 4.5)).Within(1e-12));
        Assert.That(unpublished.Indicators.Single(i => i.Key == IndicatorKeys.MigrantOrganisations).Normalized, Is.Null);
        Assert.That(unpublished.Score, Is.GreaterThan(zero.Score!.Value));
    }

    [TestCaseSource(nameof(Variants))]
    public void Rescore_WithTheSameAnswers_ReproducesTheRun(NormalizationMethod method, AggregationMethod aggregation)
    {
        var run = ReadinessScorer.Score(DefaultProfile.Instance.Variant(method, aggregation), Inputs);

        for (var r = 0; r < Inputs.Count; r++)
        {
            Assert.That(Describe(run.Rescore(r, Inputs[r].Answers)), Is.EqualTo(Describe(run.Results[r])));
        }
    }

    [Test]
    public void Score_RejectsAnInvalidProfile_AndDuplicateMunicipalities()
    {
        var invalid = DefaultProfile.Instance with { CoverageFloor = 0 };

        Assert.That(() => ReadinessScorer.Score(invalid, Inputs), Throws.ArgumentException.With.Message.Contains("coverageFloor"));
        Assert.That(() => ReadinessScorer.Score(DefaultProfile.Instance, [Inputs[0], Inputs[0]]), Throws.ArgumentException.With.Message.Contains(Inputs[0].Facts.Ags));
    }
}
