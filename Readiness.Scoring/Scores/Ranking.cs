namespace Readiness.Scoring.Scores;

/// <summary>
/// Ranks scores, highest first, within groups (district, peer group, or all when no keys are
/// given). Equal scores share a rank and the next rank is skipped ("1, 2, 2, 4"), so the result
/// does not depend on input order. Null scores are not ranked.
/// </summary>
public static class Ranking
{
    /// <param name="scores">One score per municipality; null = not ranked.</param>
    /// <param name="groupKeys">One group key per municipality, or null to rank all together.</param>
    public static int?[] Rank(IReadOnlyList<double?> scores, IReadOnlyList<string>? groupKeys = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (groupKeys is not null && groupKeys.Count != scores.Count)
        {
            throw new ArgumentException($"Expected {scores.Count} group keys, got {groupKeys.Count}.", nameof(groupKeys));
        }

        var order = Enumerable.Range(0, scores.Count)
            .Where(i => scores[i] is not null)
            .OrderBy(i => groupKeys?[i] ?? "", StringComparer.Ordinal)
            .ThenByDescending(i => scores[i]!.Value)
            .ToArray();

        var ranks = new int?[scores.Count];
        string? group = null;
        var position = 0;
        var previous = double.NaN;
        var rank = 0;
        foreach (var i in order)
        {
            var key = groupKeys?[i] ?? "";
            if (key != group)
            {
                (group, position, previous) = (key, 0, double.NaN);
            }

            position++;
            var score = scores[i]!.Value;
            if (score != previous)
            {
                rank = position;
                previous = score;
            }

            ranks[i] = rank;
        }

        return ranks;
    }

    /// <summary>The rank a score would have among <paramref name="others"/>: 1 + the number of strictly higher scores.</summary>
    public static int? RankAmong(double? score, IEnumerable<double?> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        return score is { } s ? 1 + others.Count(o => o > s) : null;
    }
}
