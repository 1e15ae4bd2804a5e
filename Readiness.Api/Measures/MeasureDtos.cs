namespace Readiness.Api.Measures;

/// <summary>To whom a measure is addressed.</summary>
/// <param name="Kind">municipality, administrative-union (its Verwaltungsgemeinschaft), district-office or steering-committee.</param>
/// <param name="Ags">The municipality, or for administrative-union a member of the Verwaltungsgemeinschaft.</param>
/// <param name="Name">Its name, where it has an AGS.</param>
public sealed record AddresseeDto(string? Kind, string? Ags, string? Name = null);

/// <summary>A recommendation a measure follows: the municipality and the structure (indicator) it lacks.</summary>
/// <param name="Ags">The municipality.</param>
/// <param name="Indicator">The recommended structure, e.g. contactPerson.</param>
public sealed record RecommendationLinkDto(string? Ags, string? Indicator);

/// <summary>A mentor pair a measure belongs to.</summary>
/// <param name="Mentee">AGS of the mentee.</param>
/// <param name="Mentor">AGS of the mentor.</param>
public sealed record PairLinkDto(string? Mentee, string? Mentor);

/// <summary>What a measure is linked to; each part optional.</summary>
/// <param name="Recommendation">A recommendation (municipality + indicator).</param>
/// <param name="Pair">A mentor pair.</param>
/// <param name="SharedServiceGroup">A shared-service group id.</param>
public sealed record MeasureLinksDto(RecommendationLinkDto? Recommendation, PairLinkDto? Pair, string? SharedServiceGroup);

/// <summary>A later surveyed assessment shows the structure the measure aimed at (the planner still closes it).</summary>
/// <param name="Structure">The structure.</param>
/// <param name="PresentSince">Reference date of the first surveyed assessment after the measure was created that shows it.</param>
/// <param name="Text">The same in words.</param>
public sealed record EvidenceDto(string Structure, DateOnly PresentSince, string Text);

/// <summary>A new measure, or for PATCH a JSON Merge Patch of one (RFC 7396): a field absent stays, null removes an optional field.</summary>
/// <param name="Title">What is to be done.</param>
/// <param name="FieldOfAction">Field of action (Handlungsfeld), one of the configured list.</param>
/// <param name="Addressee">Who is to do it.</param>
/// <param name="ResponsibleRole">The role responsible, e.g. "Integrationsbeauftragte/r".</param>
/// <param name="DueDate">Due date, yyyy-MM-dd.</param>
/// <param name="Status">planned (default), in-progress, done or dropped.</param>
/// <param name="Consequence">What was agreed if it is missed.</param>
/// <param name="Links">What it is linked to.</param>
public sealed record MeasureRequest(
    string? Title, string? FieldOfAction, AddresseeDto? Addressee, string? ResponsibleRole, string? DueDate, string? Status, string? Consequence,
    MeasureLinksDto? Links);

/// <summary>A measure of the integration plan.</summary>
/// <param name="Id">Id.</param>
/// <param name="DistrictKey">Its district.</param>
/// <param name="Title">What is to be done.</param>
/// <param name="FieldOfAction">Field of action (Handlungsfeld).</param>
/// <param name="Addressee">Who is to do it.</param>
/// <param name="ResponsibleRole">The role responsible.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="Status">planned, in-progress, done or dropped.</param>
/// <param name="Consequence">What was agreed if it is missed.</param>
/// <param name="Links">What it is linked to.</param>
/// <param name="Overdue">Open and past its due date.</param>
/// <param name="Evidence">Set when a later surveyed assessment shows the structure it aimed at.</param>
/// <param name="Version">Its version; the ETag is built from it.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="UpdatedAt">When it was last changed (UTC).</param>
public sealed record MeasureDto(
    long Id, string DistrictKey, string Title, string FieldOfAction, AddresseeDto Addressee, string? ResponsibleRole, DateOnly DueDate,
    string Status, string? Consequence, MeasureLinksDto Links, bool Overdue, EvidenceDto? Evidence, long Version, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Measures of one field of action by status.</summary>
/// <param name="FieldOfAction">The field.</param>
/// <param name="Planned">Planned.</param>
/// <param name="InProgress">In progress.</param>
/// <param name="Done">Done.</param>
/// <param name="Dropped">Dropped.</param>
/// <param name="Overdue">Open and past due.</param>
public sealed record FieldProgressDto(string FieldOfAction, int Planned, int InProgress, int Done, int Dropped, int Overdue);

/// <summary>The steering committee's view of a district.</summary>
/// <param name="DistrictKey">The district.</param>
/// <param name="ByFieldOfAction">Measures per field of action and status, every configured field listed.</param>
/// <param name="Overdue">Open measures past their due date, with addressee and consequence, oldest due first.</param>
/// <param name="PairsByState">Pairs of the district per state: proposed (by the current run, no decision yet), agreed, active, ended, declined, pinned, forbidden.</param>
/// <param name="Outcomes">Outcomes of ended pairs by topic.</param>
public sealed record ProgressDto(
    string DistrictKey, IReadOnlyList<FieldProgressDto> ByFieldOfAction, IReadOnlyList<Runs.OverdueMeasureDto> Overdue,
    IReadOnlyDictionary<string, int> PairsByState, Decisions.PairOutcomesDto Outcomes);
