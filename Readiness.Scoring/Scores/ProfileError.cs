namespace Readiness.Scoring.Scores;

/// <summary>
/// One reason a profile is refused: the JSON path of the field (<c>indicators[2].floor</c>), a stable code
/// (<c>FloorBelowTarget</c>) with the values it names, and the English message. The API says it in the
/// reader's language from the code; the scoring library itself knows no languages.
/// </summary>
public sealed record ProfileError(string Path, string Code, string Message, IReadOnlyList<object?> Arguments);
