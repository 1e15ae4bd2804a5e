namespace Readiness.Scoring.Model;

/// <summary>
/// A municipality's answers to the district's readiness survey. Every answer may be missing
/// (null), and missing is never the same as "no" or zero.
/// </summary>
public sealed record AssessmentAnswers
{
    // Structures
    /// <summary>A designated contact person for integration.</summary>
    public bool? ContactPerson { get; init; }

    /// <summary>Paid integration staff in full-time equivalents (0..1,000).</summary>
    public double? PaidStaffFte { get; init; }

    /// <summary>A local network or round table on integration.</summary>
    public bool? Network { get; init; }

    /// <summary>Coordinated volunteers (a volunteer coordination).</summary>
    public bool? VolunteerCoordination { get; init; }

    /// <summary>A migrant advisory council (Integrationsbeirat).</summary>
    public bool? MigrantCouncil { get; init; }

    /// <summary>A local integration concept.</summary>
    public bool? IntegrationConcept { get; init; }

    /// <summary>A council resolution on integration in the last 24 months.</summary>
    public bool? CouncilResolution { get; init; }

    /// <summary>Takes part in inter-municipal exchange on integration.</summary>
    public bool? IntermunicipalExchange { get; init; }

    // Who provides a structure (null: the municipality itself). A shared provision counts as present for
    // pairing topics and shared offers, and with the profile's shared-provision weight in the score.
    /// <summary>Who provides the contact person; null means the municipality itself.</summary>
    public Provider? ContactPersonProvider { get; init; }

    /// <summary>Who provides the paid staff; null means the municipality itself.</summary>
    public Provider? PaidStaffFteProvider { get; init; }

    /// <summary>Who runs the network or round table; null means the municipality itself.</summary>
    public Provider? NetworkProvider { get; init; }

    /// <summary>Who provides the volunteer coordination; null means the municipality itself.</summary>
    public Provider? VolunteerCoordinationProvider { get; init; }

    /// <summary>Whose integration concept it is; null means the municipality's own.</summary>
    public Provider? IntegrationConceptProvider { get; init; }

    /// <summary>The answer fields that can be provided by someone else.</summary>
    public static IReadOnlyList<string> ProvidedKeys { get; } = ["contactPerson", "paidStaffFte", "volunteerCoordination", "network", "integrationConcept"];

    /// <summary>Who provides the structure of an answer field; null for own or for a field that cannot be shared.</summary>
    public Provider? ProviderOf(string key) => key switch
    {
        "contactPerson" => ContactPersonProvider,
        "paidStaffFte" or "paidStaff" => PaidStaffFteProvider,
        "network" => NetworkProvider,
        "volunteerCoordination" => VolunteerCoordinationProvider,
        "integrationConcept" => IntegrationConceptProvider,
        _ => null,
    };

    // Resources
    /// <summary>Integration budget in EUR per year.</summary>
    public double? IntegrationBudgetEur { get; init; }

    /// <summary>Active volunteers in integration work.</summary>
    public int? ActiveVolunteers { get; init; }

    /// <summary>Volunteers get an expense allowance and travel costs as standard.</summary>
    public bool? VolunteerAllowance { get; init; }

    /// <summary>Migrant self-organisations active in the municipality.</summary>
    public int? MigrantOrganisations { get; init; }

    // Experience
    /// <summary>Years of local integration work.</summary>
    public double? YearsOfIntegrationWork { get; init; }
}

/// <summary>Who provides a structure to a municipality.</summary>
public enum Provider
{
    /// <summary>The municipality itself.</summary>
    Own,

    /// <summary>Its administrative union (Verwaltungsgemeinschaft, Amt, Verbandsgemeinde) for several members.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("administrativeUnion")]
    AdministrativeUnion,

    /// <summary>The district office (Landratsamt) for several municipalities.</summary>
    District,
}

/// <summary>Where an assessment comes from.</summary>
public enum AssessmentSource
{
    /// <summary>Generated from the base data so the service can be tried; not survey data.</summary>
    Illustrative,

    /// <summary>Reported by the municipality or the district.</summary>
    Surveyed,
}

/// <summary>One assessment: a municipality's answers at a reference date.</summary>
public sealed record Assessment(string Ags, DateOnly ReferenceDate, AssessmentSource Source, AssessmentAnswers Answers);
