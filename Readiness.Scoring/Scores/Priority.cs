using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>
/// Handlungsbedarf: where support matters most. Readiness measures capacity; priority puts need beside it:
/// <c>priority = foreign residents × (1 − score / 100)</c>, the number of foreign residents weighted by how
/// far the place still has to go. A large town just starting ranks first; a small place, however unready,
/// ranks by the few people its gap affects; a ready place counts little whatever its size. docs/scoring.md
/// gives the reasons.
/// </summary>
public static class Priority
{
    /// <summary>The priority of one municipality; null when it has no score or its foreign residents are not published.</summary>
    public static double? Of(MunicipalityFacts facts, double? score)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return score is { } s && facts.ForeignResidents is { } foreign ? foreign * (1 - Math.Clamp(s, 0, 100) / 100) : null;
    }

    /// <summary>Priorities of a scored run, in its input order.</summary>
    public static IReadOnlyList<double?> Of(ScoringRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. run.Results.Select((r, row) => Of(run.Inputs[row].Facts, r.Score))];
    }

    /// <summary>The rows with the highest priority first (ties by AGS), those without one left out.</summary>
    public static IReadOnlyList<int> Highest(ScoringRun run, IReadOnlyList<double?> priorities, int count, Func<int, bool>? where = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(priorities);
        return [.. Enumerable.Range(0, priorities.Count)
            .Where(r => priorities[r] is not null && (where?.Invoke(r) ?? true))
            .OrderByDescending(r => priorities[r])
            .ThenBy(r => run.Results[r].Ags, StringComparer.Ordinal)
            .Take(count)];
    }
}
