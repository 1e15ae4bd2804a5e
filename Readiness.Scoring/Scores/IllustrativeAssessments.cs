using Readiness.Scoring.Model;
using static Readiness.Scoring.Scores.DeterministicMath;

namespace Readiness.Scoring.Scores;

/// <summary>
/// Generates illustrative assessments from the real base data, so the service can be tried before
/// the survey exists. They are not survey data and must be labelled <c>illustrative</c>.
/// <para>Model (docs/scoring.md): a latent engagement per municipality,
/// <c>z = 1.1 (log10 population − 3.5) + 10 (foreign share − 0.07) + 0.9 ε</c>, ε ≈ N(0, 1). Each
/// structure is present with probability logistic(z − difficulty); the migrant council also rises
/// with the foreign share. Counts and money scale with the population (budget, volunteers) or the
/// foreign residents (self-organisations) and rise with z, with noise. Every answer is missing with
/// probability 4 %; 3 % of municipalities answered only partly (each answer missing with 55 %), so
/// insufficient data occurs, rarely.</para>
/// Each municipality draws from its own stream seeded by (seed, AGS): its answers do not depend on
/// which other municipalities are generated, and only +, −, ×, ÷ decide them, so they are the same on
/// every platform.
/// </summary>
public static class IllustrativeAssessments
{
    public const ulong DefaultSeed = 20_251_125;

    /// <summary>Share of answers left missing in a normal response.</summary>
    public const double MissingAnswerRate = 0.04;

    /// <summary>Share of municipalities that answered only partly.</summary>
    public const double PartialResponseRate = 0.03;

    /// <summary>Share of answers missing in a partial response.</summary>
    public const double PartialMissingRate = 0.55;

    private const double Ln10 = 2.302585092994046;

    /// <summary>Below this population a place outside a union may get a structure from the district office.</summary>
    private const long SmallPlace = 5_000;
    private const double MedianForeignShare = 0.07;

    /// <summary>One illustrative assessment per municipality, in input order.</summary>
    public static IReadOnlyList<Assessment> Generate(IReadOnlyList<MunicipalityFacts> municipalities, DateOnly referenceDate, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        return [.. municipalities.Select(m => new Assessment(m.Ags, referenceDate, AssessmentSource.Illustrative, Answers(m, seed)))];
    }

    /// <summary>The illustrative answers of one municipality.</summary>
    public static AssessmentAnswers Answers(MunicipalityFacts facts, ulong seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var rng = SplitMix64.ForStream(seed, SplitMix64.Fnv1a(facts.Ags));
        var population = Math.Max(facts.Population, 1);
        var share = facts.ForeignShare ?? MedianForeignShare;
        var z = (1.1 * ((Log(population) / Ln10) - 3.5)) + (10 * (share - MedianForeignShare)) + (0.9 * rng.NextGaussianApprox());

        bool Has(double difficulty) => rng.NextDouble() < Logistic(z - difficulty);

        var contact = Has(-1.5);
        var paid = Has(1.0);
        var fte = paid ? Math.Max(0.2, Math.Round(population / 25_000.0 * Exp(0.4 * rng.NextGaussianApprox()) * 10) / 10) : 0;
        var network = Has(-0.2);
        var coordination = Has(0.3);
        var council = Has(1.8 - (8 * (share - MedianForeignShare)));
        var concept = Has(1.2);
        var resolution = Has(0.5);
        var exchange = Has(0.0);

        var volunteers = Has(-1.0)
            ? (int)Math.Round(3 * Exp((0.3 * z) + (0.5 * rng.NextGaussianApprox())) * population / 1000)
            : 0;
        var allowance = volunteers > 0 && Has(0.3);
        var budget = Has(-0.3)
            ? Math.Round(2500 * Exp((0.4 * z) + (0.6 * rng.NextGaussianApprox())) * population / 1000 / 100) * 100
            : 0;
        var foreignResidents = (facts.CensusPopulation ?? population) * share;
        var organisations = (int)Math.Floor((foreignResidents / 1000 * 0.3 * Exp(0.2 * z)) + rng.NextDouble());
        var years = Math.Clamp(Math.Round(6 + (3 * z) + (3 * rng.NextGaussianApprox())), 0, 35);

        var missingRate = rng.NextDouble() < PartialResponseRate ? PartialMissingRate : MissingAnswerRate;
        T? Keep<T>(T value) where T : struct => rng.NextDouble() < missingRate ? null : value;

        var own = new AssessmentAnswers
        {
            ContactPerson = Keep(contact),
            PaidStaffFte = Keep(fte),
            Network = Keep(network),
            VolunteerCoordination = Keep(coordination),
            MigrantCouncil = Keep(council),
            IntegrationConcept = Keep(concept),
            CouncilResolution = Keep(resolution),
            IntermunicipalExchange = Keep(exchange),
            IntegrationBudgetEur = Keep(budget),
            ActiveVolunteers = Keep(volunteers),
            VolunteerAllowance = Keep(allowance),
            MigrantOrganisations = Keep(organisations),
            YearsOfIntegrationWork = Keep(years),
        };
        return WithSharedProvision(own, facts, rng);
    }

    /// <summary>
    /// Structures a municipality lacks of its own may be provided for it: by its administrative union (a
    /// Verwaltungsgemeinschaft's staff serve all members), or, for a small place outside a union, by the district office.
    /// Drawn after every other answer, so a municipality's own answers are those it had before sharing was modelled.
    /// </summary>
    private static AssessmentAnswers WithSharedProvision(AssessmentAnswers own, MunicipalityFacts facts, SplitMix64 rng)
    {
        var inUnion = facts.UnionKey is not null;
        var small = facts.Population < SmallPlace;
        Provider? By(bool? has, double unionChance, double districtChance)
        {
            var draw = rng.NextDouble();
            return has is not false ? null
                : inUnion && draw < unionChance ? Provider.AdministrativeUnion
                : !inUnion && small && draw < districtChance ? Provider.District
                : null;
        }

        var contact = By(own.ContactPerson, 0.6, 0.2);
        var staff = By(own.PaidStaffFte is { } fte ? fte > 0 : null, 0.35, 0);
        var coordination = By(own.VolunteerCoordination, 0.3, 0.1);
        var network = By(own.Network, 0.25, 0.15);
        var concept = By(own.IntegrationConcept, 0.1, 0.1);
        // The member's share of a union position: a tenth to half of a full-time post.
        var share = Math.Round(0.1 + (0.4 * rng.NextDouble()), 1);
        return own with
        {
            ContactPerson = contact is null ? own.ContactPerson : true,
            ContactPersonProvider = contact,
            PaidStaffFte = staff is null ? own.PaidStaffFte : share,
            PaidStaffFteProvider = staff,
            VolunteerCoordination = coordination is null ? own.VolunteerCoordination : true,
            VolunteerCoordinationProvider = coordination,
            Network = network is null ? own.Network : true,
            NetworkProvider = network,
            IntegrationConcept = concept is null ? own.IntegrationConcept : true,
            IntegrationConceptProvider = concept,
        };
    }
}
