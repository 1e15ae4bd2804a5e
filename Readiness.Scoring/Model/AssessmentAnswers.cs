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
