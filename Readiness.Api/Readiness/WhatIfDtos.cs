using System.Text.Json.Serialization;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Readiness;

/// <summary>What a municipality's readiness would be with changed answers; nothing is stored.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Name">Name without the designation suffix, e.g. Andechs.</param>
/// <param name="Score">The score it would have.</param>
/// <param name="Tier">The tier it would have.</param>
/// <param name="Coverage">The coverage it would have.</param>
/// <param name="Rank">The rank it would have among the others (their scores as in the run).</param>
/// <param name="Pillars">Pillar scores.</param>
/// <param name="Indicators">Indicators with values, normalised values, weights and contributions.</param>
/// <param name="Flags">Flags it would have.</param>
/// <param name="Recommendations">Recommendations it would get.</param>
/// <param name="Baseline">Its score, tier and rank in the run, for comparison.</param>
/// <param name="ChangedAnswers">The answers the request changed.</param>
/// <param name="Profile">Profile.</param>
/// <param name="RunId">The run whose normalisation and ranks it is compared against.</param>
/// <param name="DataQuality">What the unchanged answers rest on.</param>
/// <param name="TierCappedBy">The answers whose tier requirement it would still miss, when they hold its tier below the one its score reaches.</param>
public sealed record WhatIfDto(
    string Ags, string Name, double? Score, ReadinessTier Tier, double Coverage, RankDto Rank,
    IReadOnlyList<PillarDto> Pillars, IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<string> Flags,
    IReadOnlyList<RecommendationDto> Recommendations, WhatIfBaselineDto Baseline, IReadOnlyList<string> ChangedAnswers,
    string Profile, long RunId, DataQualityDto DataQuality, IReadOnlyList<string>? TierCappedBy = null)
{
    /// <summary>The tier it would have, in plain words in the answer's language (German by default, English with Accept-Language: en).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TierLabel { get; init; }

    /// <summary>Each flag it would have with a sentence a planner can read, in the order of <c>flags</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FlagTextDto>? FlagTexts { get; init; }
}

/// <summary>A municipality's readiness as the run computed it.</summary>
/// <param name="Score">Score.</param>
/// <param name="Tier">Readiness tier: starting, developing, established, experienced or insufficient-data.</param>
/// <param name="Rank">Ranks.</param>
public sealed record WhatIfBaselineDto(double? Score, ReadinessTier Tier, RankDto Rank);

/// <summary>Changed answers for a what-if: any of the assessment's answer fields; null means "not answered".</summary>
/// <param name="ContactPerson">A designated contact person for integration.</param>
/// <param name="PaidStaffFte">Paid integration staff in full-time equivalents (0..1,000).</param>
/// <param name="Network">A local network or round table.</param>
/// <param name="VolunteerCoordination">Coordinated volunteers.</param>
/// <param name="MigrantCouncil">A migrant advisory council.</param>
/// <param name="IntegrationConcept">An integration concept.</param>
/// <param name="CouncilResolution">A council resolution on integration in the last 24 months.</param>
/// <param name="IntermunicipalExchange">Takes part in inter-municipal exchange.</param>
/// <param name="IntegrationBudgetEur">Integration budget in EUR per year (≥ 0).</param>
/// <param name="ActiveVolunteers">Active volunteers (whole number ≥ 0).</param>
/// <param name="VolunteerAllowance">Expense allowance and travel costs for volunteers as standard.</param>
/// <param name="MigrantOrganisations">Migrant self-organisations (whole number ≥ 0).</param>
/// <param name="YearsOfIntegrationWork">Years of local integration work (0..100).</param>
/// <param name="ContactPersonProvider">Who provides the contact person: own (default; null sets it back to own), administrativeUnion (the Verwaltungsgemeinschaft) or district (the Landratsamt).</param>
/// <param name="PaidStaffFteProvider">Who provides the paid staff: own (default; null sets it back to own), administrativeUnion or district.</param>
/// <param name="VolunteerCoordinationProvider">Who provides the volunteer coordination: own (default; null sets it back to own), administrativeUnion or district.</param>
/// <param name="NetworkProvider">Who runs the network or round table: own (default; null sets it back to own), administrativeUnion or district.</param>
/// <param name="IntegrationConceptProvider">Whose integration concept it is: own (default; null sets it back to own), administrativeUnion or district.</param>
public sealed record WhatIfRequest(
    bool? ContactPerson = null, double? PaidStaffFte = null, bool? Network = null, bool? VolunteerCoordination = null,
    bool? MigrantCouncil = null, bool? IntegrationConcept = null, bool? CouncilResolution = null, bool? IntermunicipalExchange = null,
    double? IntegrationBudgetEur = null, int? ActiveVolunteers = null, bool? VolunteerAllowance = null, int? MigrantOrganisations = null,
    double? YearsOfIntegrationWork = null,
    Assessments.ProviderDto? ContactPersonProvider = null, Assessments.ProviderDto? PaidStaffFteProvider = null, Assessments.ProviderDto? VolunteerCoordinationProvider = null,
    Assessments.ProviderDto? NetworkProvider = null, Assessments.ProviderDto? IntegrationConceptProvider = null);
