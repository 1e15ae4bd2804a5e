namespace Readiness.Scoring.Model;

/// <summary>
/// The structures a municipality can have (the survey's first block). Pairing topics,
/// recommendations and shared-service gaps all speak of these keys.
/// </summary>
public static class Structures
{
    public const string ContactPerson = "contactPerson";
    public const string PaidStaff = "paidStaff";
    public const string Network = "network";
    public const string VolunteerCoordination = "volunteerCoordination";
    public const string MigrantCouncil = "migrantCouncil";
    public const string IntegrationConcept = "integrationConcept";
    public const string CouncilResolution = "councilResolution";
    public const string IntermunicipalExchange = "intermunicipalExchange";

    public static readonly IReadOnlyList<string> All =
    [
        ContactPerson, PaidStaff, Network, VolunteerCoordination, MigrantCouncil, IntegrationConcept, CouncilResolution, IntermunicipalExchange,
    ];

    /// <summary>Whether the answers show the structure: true, false, or null when the answer is missing.</summary>
    public static bool? Has(AssessmentAnswers answers, string structure)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return structure switch
        {
            ContactPerson => answers.ContactPerson,
            PaidStaff => answers.PaidStaffFte is { } fte ? fte > 0 : null,
            Network => answers.Network,
            VolunteerCoordination => answers.VolunteerCoordination,
            MigrantCouncil => answers.MigrantCouncil,
            IntegrationConcept => answers.IntegrationConcept,
            CouncilResolution => answers.CouncilResolution,
            IntermunicipalExchange => answers.IntermunicipalExchange,
            _ => throw new ArgumentOutOfRangeException(nameof(structure), structure, "Unknown structure."),
        };
    }
}
