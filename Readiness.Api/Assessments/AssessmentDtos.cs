namespace Readiness.Api.Assessments;

/// <summary>A survey answer set to add. Every answer is optional: leave it out or send null for "not answered", which never counts as no or zero.</summary>
/// <param name="ReferenceDate">The day the answers describe (yyyy-MM-dd); required, not in the future, not before 2000.</param>
/// <param name="ContactPerson">A designated contact person for integration.</param>
/// <param name="PaidStaffFte">Paid integration staff in full-time equivalents, 0..1,000.</param>
/// <param name="Network">A local network or round table on integration.</param>
/// <param name="VolunteerCoordination">Coordinated volunteers (a volunteer coordination).</param>
/// <param name="MigrantCouncil">A migrant advisory council (Integrationsbeirat).</param>
/// <param name="IntegrationConcept">A local integration concept.</param>
/// <param name="CouncilResolution">A council resolution on integration in the last 24 months.</param>
/// <param name="IntermunicipalExchange">Takes part in inter-municipal exchange on integration.</param>
/// <param name="IntegrationBudgetEur">Integration budget in EUR per year, 0..1,000,000,000, at most 2 decimals.</param>
/// <param name="ActiveVolunteers">Active volunteers in integration work, a whole number 0..1,000,000.</param>
/// <param name="VolunteerAllowance">Volunteers get an expense allowance and travel costs as standard.</param>
/// <param name="MigrantOrganisations">Migrant self-organisations active in the municipality, a whole number 0..1,000,000.</param>
/// <param name="YearsOfIntegrationWork">Years of local integration work, 0..100.</param>
/// <param name="Note">A free note, e.g. the source of the answers; at most 2,000 characters.</param>
/// <param name="ContactPersonProvider">Who provides the contact person: own (default; also when left out), administrativeUnion (the Verwaltungsgemeinschaft) or district (the Landratsamt).</param>
/// <param name="PaidStaffFteProvider">Who provides the paid staff: own (default), administrativeUnion or district.</param>
/// <param name="VolunteerCoordinationProvider">Who provides the volunteer coordination: own (default), administrativeUnion or district.</param>
/// <param name="NetworkProvider">Who runs the network or round table: own (default), administrativeUnion or district.</param>
/// <param name="IntegrationConceptProvider">Whose integration concept it is: own (default), administrativeUnion or district.</param>
public sealed record AssessmentRequest(
    DateOnly ReferenceDate,
    bool? ContactPerson = null, double? PaidStaffFte = null, bool? Network = null, bool? VolunteerCoordination = null,
    bool? MigrantCouncil = null, bool? IntegrationConcept = null, bool? CouncilResolution = null, bool? IntermunicipalExchange = null,
    double? IntegrationBudgetEur = null, int? ActiveVolunteers = null, bool? VolunteerAllowance = null, int? MigrantOrganisations = null,
    double? YearsOfIntegrationWork = null, string? Note = null,
    ProviderDto? ContactPersonProvider = null, ProviderDto? PaidStaffFteProvider = null, ProviderDto? VolunteerCoordinationProvider = null,
    ProviderDto? NetworkProvider = null, ProviderDto? IntegrationConceptProvider = null);

/// <summary>One row of a JSON import: the fields of AddAssessment's body with the municipality's AGS.</summary>
/// <param name="Ags">AGS of the municipality, 8 digits as text, e.g. "09188117".</param>
/// <param name="ReferenceDate">The day the answers describe (yyyy-MM-dd).</param>
/// <param name="ContactPerson">A designated contact person for integration.</param>
/// <param name="PaidStaffFte">Paid integration staff in full-time equivalents, 0..1,000.</param>
/// <param name="Network">A local network or round table on integration.</param>
/// <param name="VolunteerCoordination">Coordinated volunteers.</param>
/// <param name="MigrantCouncil">A migrant advisory council.</param>
/// <param name="IntegrationConcept">A local integration concept.</param>
/// <param name="CouncilResolution">A council resolution on integration in the last 24 months.</param>
/// <param name="IntermunicipalExchange">Takes part in inter-municipal exchange.</param>
/// <param name="IntegrationBudgetEur">Integration budget in EUR per year.</param>
/// <param name="ActiveVolunteers">Active volunteers, a whole number.</param>
/// <param name="VolunteerAllowance">Volunteers get an expense allowance as standard.</param>
/// <param name="MigrantOrganisations">Migrant self-organisations, a whole number.</param>
/// <param name="YearsOfIntegrationWork">Years of local integration work.</param>
/// <param name="Note">A free note.</param>
/// <param name="ContactPersonProvider">Who provides the contact person: own (default), administrativeUnion (the Verwaltungsgemeinschaft) or district (the Landratsamt).</param>
/// <param name="PaidStaffFteProvider">Who provides the paid staff: own (default), administrativeUnion or district.</param>
/// <param name="VolunteerCoordinationProvider">Who provides the volunteer coordination: own (default), administrativeUnion or district.</param>
/// <param name="NetworkProvider">Who runs the network or round table: own (default), administrativeUnion or district.</param>
/// <param name="IntegrationConceptProvider">Whose integration concept it is: own (default), administrativeUnion or district.</param>
public sealed record ImportRowRequest(
    string Ags, DateOnly ReferenceDate,
    bool? ContactPerson = null, double? PaidStaffFte = null, bool? Network = null, bool? VolunteerCoordination = null,
    bool? MigrantCouncil = null, bool? IntegrationConcept = null, bool? CouncilResolution = null, bool? IntermunicipalExchange = null,
    double? IntegrationBudgetEur = null, int? ActiveVolunteers = null, bool? VolunteerAllowance = null, int? MigrantOrganisations = null,
    double? YearsOfIntegrationWork = null, string? Note = null,
    ProviderDto? ContactPersonProvider = null, ProviderDto? PaidStaffFteProvider = null, ProviderDto? VolunteerCoordinationProvider = null,
    ProviderDto? NetworkProvider = null, ProviderDto? IntegrationConceptProvider = null);

/// <summary>A stored assessment. History is kept: the newest surveyed one counts, and any surveyed one beats the illustrative one.</summary>
/// <param name="Id">Assessment id.</param>
/// <param name="Ags">AGS of the municipality.</param>
/// <param name="ReferenceDate">The day the answers describe.</param>
/// <param name="Source">surveyed (reported by the municipality or district) or illustrative (generated so the service can be tried; not survey data).</param>
/// <param name="ContactPerson">A designated contact person for integration; null = not answered.</param>
/// <param name="PaidStaffFte">Paid integration staff in full-time equivalents.</param>
/// <param name="Network">A local network or round table.</param>
/// <param name="VolunteerCoordination">Coordinated volunteers.</param>
/// <param name="MigrantCouncil">A migrant advisory council.</param>
/// <param name="IntegrationConcept">A local integration concept.</param>
/// <param name="CouncilResolution">A council resolution on integration in the last 24 months.</param>
/// <param name="IntermunicipalExchange">Takes part in inter-municipal exchange.</param>
/// <param name="IntegrationBudgetEur">Integration budget in EUR per year.</param>
/// <param name="ActiveVolunteers">Active volunteers.</param>
/// <param name="VolunteerAllowance">Volunteers get an expense allowance as standard.</param>
/// <param name="MigrantOrganisations">Migrant self-organisations.</param>
/// <param name="YearsOfIntegrationWork">Years of local integration work.</param>
/// <param name="Note">The note sent with it.</param>
/// <param name="RecordedAt">When it was stored (UTC).</param>
/// <param name="RecordedBy">The API key's name, "import:" and the key's name for imports, or "seed".</param>
/// <param name="BatchId">The import that wrote it, if any.</param>
/// <param name="ContactPersonProvider">Who provides the contact person (own, administrativeUnion or district; own also for assessments stored before providers were asked); null when there is none.</param>
/// <param name="PaidStaffFteProvider">Who provides the paid staff; null when there is none.</param>
/// <param name="VolunteerCoordinationProvider">Who provides the volunteer coordination; null when there is none.</param>
/// <param name="NetworkProvider">Who runs the network or round table; null when there is none.</param>
/// <param name="IntegrationConceptProvider">Whose integration concept it is; null when there is none.</param>
public sealed record AssessmentDto(
    long Id, string Ags, DateOnly ReferenceDate, AssessmentSourceDto Source,
    bool? ContactPerson, double? PaidStaffFte, bool? Network, bool? VolunteerCoordination, bool? MigrantCouncil,
    bool? IntegrationConcept, bool? CouncilResolution, bool? IntermunicipalExchange, double? IntegrationBudgetEur,
    int? ActiveVolunteers, bool? VolunteerAllowance, int? MigrantOrganisations, double? YearsOfIntegrationWork,
    string? Note, DateTimeOffset RecordedAt, string RecordedBy, string? BatchId,
    ProviderDto? ContactPersonProvider = null, ProviderDto? PaidStaffFteProvider = null, ProviderDto? VolunteerCoordinationProvider = null,
    ProviderDto? NetworkProvider = null, ProviderDto? IntegrationConceptProvider = null);

/// <summary>Who provides a structure to a municipality: it itself, its Verwaltungsgemeinschaft (administrative union) or the district office for several.</summary>
public enum ProviderDto
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
public enum AssessmentSourceDto
{
    /// <summary>Generated from the base data so the service can be tried; not survey data.</summary>
    Illustrative,

    /// <summary>Reported by the municipality or the district.</summary>
    Surveyed,
}

/// <summary>The outcome of an import that passed every check.</summary>
/// <param name="DryRun">True when only checked (<c>?dryRun=true</c>): nothing was written.</param>
/// <param name="Rows">Assessments written (or that would be written).</param>
/// <param name="Municipalities">Distinct municipalities among them.</param>
/// <param name="Districts">Distinct districts among them.</param>
/// <param name="BatchId">Id of the import; every assessment it wrote carries it. Null for a dry run.</param>
/// <param name="Format">csv or json.</param>
/// <param name="Separator">The CSV separator found (";" or ","); null for JSON.</param>
/// <param name="Duplicates">Rows identical to stored surveyed assessments (municipality, reference date, answers and note): not stored again, not in <c>rows</c>.</param>
public sealed record ImportResultDto(bool DryRun, int Rows, int Municipalities, int Districts, string? BatchId, string Format, string? Separator, int Duplicates = 0);
