using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;

namespace Readiness.Tests.Scoring.Scores;

/// <summary>Small hand-made municipalities and profiles for the scoring tests.</summary>
internal static class ScoreFixtures
{
    public static MunicipalityFacts Facts(string ags, long population = 5000, double? foreignShare = 0.10, string district = "09999") =>
        new(ags, $"Gemeinde {ags}", district, "09", "Gemeinde", population, 10, population / 10.0, population, foreignShare, null, null, null, null);

    /// <summary>One pillar, one indicator: what a normalisation test needs.</summary>
    public static ScoringProfile SingleIndicator(
        string key, NormalizationMethod method, double floor = 0, double target = 1,
        IndicatorDirection direction = IndicatorDirection.HigherIsBetter, double winsorLower = 0, double winsorUpper = 1,
        IndicatorDenominator denominator = IndicatorDenominator.None) => new()
        {
            Name = "test",
            Pillars = [new() { Key = "p", Weight = 1 }],
            Indicators = [new() { Key = key, Pillar = "p", Floor = floor, Target = target, Direction = direction, Denominator = denominator }],
            Normalization = new() { Method = method, WinsorLower = winsorLower, WinsorUpper = winsorUpper },
        };

    /// <summary>Answers with every field given: all structures as <paramref name="structures"/>, middling resources.</summary>
    public static AssessmentAnswers Complete(bool structures) => new()
    {
        ContactPerson = structures,
        PaidStaffFte = structures ? 1 : 0,
        Network = structures,
        VolunteerCoordination = structures,
        MigrantCouncil = structures,
        IntegrationConcept = structures,
        CouncilResolution = structures,
        IntermunicipalExchange = structures,
        IntegrationBudgetEur = 10_000,
        ActiveVolunteers = 10,
        VolunteerAllowance = structures,
        MigrantOrganisations = 1,
        YearsOfIntegrationWork = 5,
    };

    /// <summary>A few hundred random municipalities with random, partly missing answers (fixed seed).</summary>
    public static List<ScoringInput> RandomInputs(int count, int seed, double missingRate = 0.15)
    {
        var random = new Random(seed);
        T? Maybe<T>(T value) where T : struct => random.NextDouble() < missingRate ? null : value;
        var inputs = new List<ScoringInput>(count);
        for (var i = 0; i < count; i++)
        {
            var population = (long)Math.Round(Math.Pow(10, 2.3 + (4 * random.NextDouble())));
            double? share = random.NextDouble() < 0.05 ? null : 0.01 + (0.3 * random.NextDouble());
            var facts = Facts($"09{i:D6}", population, share, district: $"0999{i % 4}");
            var answers = random.NextDouble() < 0.03 ? null : new AssessmentAnswers
            {
                ContactPerson = Maybe(random.NextDouble() < 0.6),
                PaidStaffFte = Maybe(random.NextDouble() < 0.4 ? Math.Round(random.NextDouble() * 3, 1) : 0),
                Network = Maybe(random.NextDouble() < 0.5),
                VolunteerCoordination = Maybe(random.NextDouble() < 0.4),
                MigrantCouncil = Maybe(random.NextDouble() < 0.2),
                IntegrationConcept = Maybe(random.NextDouble() < 0.3),
                CouncilResolution = Maybe(random.NextDouble() < 0.4),
                IntermunicipalExchange = Maybe(random.NextDouble() < 0.5),
                IntegrationBudgetEur = Maybe(Math.Round(random.NextDouble() * population * 8)),
                ActiveVolunteers = Maybe(random.Next(0, (int)(population / 100) + 2)),
                VolunteerAllowance = Maybe(random.NextDouble() < 0.5),
                MigrantOrganisations = Maybe(random.Next(0, 6)),
                YearsOfIntegrationWork = Maybe((double)random.Next(0, 30)),
            };
            inputs.Add(new ScoringInput(facts, answers));
        }

        return inputs;
    }

    public static IEnumerable<(NormalizationMethod Method, AggregationMethod Aggregation)> AllVariants() =>
        from method in Enum.GetValues<NormalizationMethod>()
        from aggregation in Enum.GetValues<AggregationMethod>()
        select (method, aggregation);

    public static ScoringProfile Variant(this ScoringProfile profile, NormalizationMethod method, AggregationMethod aggregation) =>
        profile with { Normalization = profile.Normalization with { Method = method }, Aggregation = aggregation };
}
