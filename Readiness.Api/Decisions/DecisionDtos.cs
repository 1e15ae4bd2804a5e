namespace Readiness.Api.Decisions;

/// <summary>A step in the life of a pair, as a planner records it.</summary>
/// <param name="Mentee">AGS of the mentee (the municipality starting out), 8 digits.</param>
/// <param name="Mentor">AGS of the mentor, 8 digits.</param>
/// <param name="Decision">agreed, active, ended, declined, pinned or forbidden.</param>
/// <param name="Date">Date of the decision, yyyy-MM-dd, not in the future.</param>
/// <param name="Note">A free note.</param>
/// <param name="Reason">Why: required for declined and forbidden, and for pinning a pair that is no candidate of the current run.</param>
/// <param name="Outcome">Only with ended: worked, partly or did-not.</param>
/// <param name="TopicsTransferred">Only with ended: the structures actually transferred, from the pair's topics.</param>
public sealed record PairDecisionRequest(
    string? Mentee, string? Mentor, string? Decision, string? Date, string? Note, string? Reason, string? Outcome, IReadOnlyList<string>? TopicsTransferred);

/// <summary>One recorded step of a pair.</summary>
/// <param name="Id">Id of the step.</param>
/// <param name="Mentee">The mentee's AGS.</param>
/// <param name="Mentor">The mentor's AGS.</param>
/// <param name="DistrictKey">The mentee's district.</param>
/// <param name="Decision">agreed, active, ended, declined, pinned or forbidden.</param>
/// <param name="Date">Date of the decision.</param>
/// <param name="Reason">Why, where given.</param>
/// <param name="Note">The note.</param>
/// <param name="Outcome">worked, partly or did-not (ended pairs).</param>
/// <param name="TopicsTransferred">Structures actually transferred (ended pairs).</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
/// <param name="RecordedBy">Name of the API key that recorded it.</param>
/// <param name="Effect">What the nightly run does with the pair now: fixed, excluded (until a date) or none.</param>
public sealed record PairDecisionDto(
    long Id, string Mentee, string Mentor, string DistrictKey, string Decision, DateOnly Date, string? Reason, string? Note,
    string? Outcome, IReadOnlyList<string> TopicsTransferred, DateTimeOffset RecordedAt, string RecordedBy, string Effect);

/// <summary>How transfers of one topic went in the ended pairs of a district.</summary>
/// <param name="Topic">Structure key.</param>
/// <param name="Transferred">Ended pairs that transferred it.</param>
/// <param name="Worked">Of those, pairs whose outcome was worked.</param>
/// <param name="Partly">… partly.</param>
/// <param name="DidNot">… did not.</param>
public sealed record TopicOutcomeDto(string Topic, int Transferred, int Worked, int Partly, int DidNot);

/// <summary>Outcomes of ended pairs.</summary>
/// <param name="District">The district, or null for all.</param>
/// <param name="Pairs">Ended pairs with an outcome.</param>
/// <param name="Worked">Outcome worked.</param>
/// <param name="Partly">Outcome partly.</param>
/// <param name="DidNot">Outcome did not.</param>
/// <param name="ByTopic">Per transferred topic, most transferred first.</param>
public sealed record PairOutcomesDto(string? District, int Pairs, int Worked, int Partly, int DidNot, IReadOnlyList<TopicOutcomeDto> ByTopic);
