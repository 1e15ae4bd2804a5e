namespace Readiness.Scoring.Scores;

/// <summary>A way of grouping municipalities for ranks, for example <c>district</c> with the district key per municipality.</summary>
public sealed record RankGrouping(string Name, IReadOnlyList<string> Keys);

/// <summary>Where a municipality's rank lands over the Monte-Carlo draws: median and the 5th–95th percentile.</summary>
public sealed record RankInterval(int Median, int Low, int High);

/// <summary>Rank intervals per municipality (input order; null where the base run has no score).</summary>
public sealed record RobustnessResult(
    int Draws,
    IReadOnlyList<RankInterval?> Overall,
    IReadOnlyDictionary<string, IReadOnlyList<RankInterval?>> ByGrouping);
