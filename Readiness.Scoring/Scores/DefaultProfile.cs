using static Readiness.Scoring.Scores.IndicatorKeys;

namespace Readiness.Scoring.Scores;

/// <summary>
/// The profile that ships. Every goalpost and weight is explained in docs/scoring.md so that a
/// planner can disagree with it and write their own profile.
/// </summary>
public static class DefaultProfile
{
    public const string Name = "default";

    public const string Structures = "structures";
    public const string Resources = "resources";
    public const string Experience = "experience";

    public static ScoringProfile Instance { get; } = new()
    {
        Name = Name,
        Description = "Structures first (local responsibility, paid staff, coordinated volunteers, migrant representation), "
            + "then resources per resident, then experience. Goalposts, arithmetic aggregation, coverage floor 2/3.",
        Pillars =
        [
            // Structures carry the plan (dialogue round: "Strukturen und Integrationszuständigkeit vor Ort");
            // experience is partly a framework condition a municipality cannot change, so it weighs least.
            new() { Key = Structures, Weight = 0.5 },
            new() { Key = Resources, Weight = 0.3 },
            new() { Key = Experience, Weight = 0.2 },
        ],
        Indicators =
        [
            YesNo(ContactPerson, Structures, 2),
            // One FTE counts as a full dedicated position; a shared or part-time position counts its share.
            new() { Key = PaidStaffFte, Pillar = Structures, Floor = 0, Target = 1.0, Weight = 2 },
            YesNo(Network, Structures, 1),
            YesNo(VolunteerCoordination, Structures, 1.5),
            YesNo(MigrantCouncil, Structures, 1.5),
            YesNo(IntegrationConcept, Structures, 1),
            YesNo(CouncilResolution, Structures, 1),
            YesNo(IntermunicipalExchange, Structures, 1),

            // 5 EUR per resident and year: about a half-time position plus a small project fund in a town of 8,000.
            new()
            {
                Key = IntegrationBudgetEur, Pillar = Resources, Denominator = IndicatorDenominator.Per1000Residents,
                Floor = 0, Target = 5000, Weight = 1.5,
            },
            // 5 active volunteers per 1,000 residents (0.5 %): a lively helpers' circle.
            new()
            {
                Key = ActiveVolunteers, Pillar = Resources, Denominator = IndicatorDenominator.Per1000Residents,
                Floor = 0, Target = 5, Weight = 1,
            },
            YesNo(VolunteerAllowance, Resources, 1),
            // One self-organisation per 1,000 foreign residents: an order of magnitude, not a measured norm.
            new()
            {
                Key = MigrantOrganisations, Pillar = Resources, Denominator = IndicatorDenominator.Per1000ForeignResidents,
                Floor = 0, Target = 1, Weight = 1,
            },

            // From 2 % (hardly any contact) to 15 % (everyday diversity, above the national census share).
            new() { Key = ForeignShare, Pillar = Experience, Floor = 0.02, Target = 0.15, Weight = 1 },
            // Ten years of local integration work: since before 2015/16.
            new() { Key = YearsOfIntegrationWork, Pillar = Experience, Floor = 0, Target = 10, Weight = 1.5 },
        ],
    };

    private static IndicatorDefinition YesNo(string key, string pillar, double weight) =>
        new() { Key = key, Pillar = pillar, Floor = 0, Target = 1, Weight = weight };
}
