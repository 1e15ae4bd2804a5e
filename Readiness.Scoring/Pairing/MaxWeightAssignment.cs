using Google.OrTools.Graph;

namespace Readiness.Scoring.Pairing;

/// <summary>An allowed pair with its integer weight (scaled benefit); <c>Left</c> is the mentee, <c>Right</c> the mentor.</summary>
internal readonly record struct WeightedArc(int Left, int Right, long Weight);

/// <summary>
/// Maximum-weight b-matching, solved exactly as a min-cost flow with OR-Tools: every mentee sends one
/// unit either through one of its mentor arcs or through its own "unassigned" arc to the sink, and
/// each mentor passes at most <c>capacity</c> units on. Costs are <c>Cmax − value</c> for a pair and
/// <c>Cmax</c> for "unassigned", so the cheapest flow is the assignment with the largest total value,
/// and leaving a mentee unpaired is always allowed: the solver maximises weight, not the number of pairs.
/// </summary>
/// <remarks>
/// Ties are broken deterministically by a small preference: on each mentee's arcs, ordered by mentor
/// index (AGS order), the value is <c>K·weight + (T − 1 − rank)</c> with T the largest number of arcs of
/// any mentee and <c>K = mentees·(T − 1) + 1</c>. The preferences of all mentees together sum to less
/// than K, so they can only decide between assignments of the same total weight: then the one whose
/// mentees get lower-AGS mentors wins.
/// </remarks>
internal static class MaxWeightAssignment
{
    /// <summary>Which arcs are chosen. Arcs must be sorted by (Left, Right), unique, with weight above 0.</summary>
    public static bool[] Solve(int left, int right, int capacity, IReadOnlyList<WeightedArc> arcs)
    {
        var chosen = new bool[arcs.Count];
        if (arcs.Count == 0)
        {
            return chosen;
        }

        var rank = new int[arcs.Count];
        var degree = new int[left];
        for (var a = 0; a < arcs.Count; a++)
        {
            if (arcs[a].Weight <= 0)
            {
                throw new ArgumentException("Every arc needs a weight above 0; a pair worth nothing is left out.", nameof(arcs));
            }

            if (a > 0 && (arcs[a - 1].Left, arcs[a - 1].Right).CompareTo((arcs[a].Left, arcs[a].Right)) >= 0)
            {
                throw new ArgumentException("Arcs must be sorted by (Left, Right) and unique.", nameof(arcs));
            }

            rank[a] = degree[arcs[a].Left]++;
        }

        long maxDegree = degree.Max();
        var k = checked(left * (maxDegree - 1) + 1);
        var value = new long[arcs.Count];
        for (var a = 0; a < arcs.Count; a++)
        {
            value[a] = checked(k * arcs[a].Weight + (maxDegree - 1 - rank[a]));
        }

        var cmax = value.Max();
        var sink = left + right;
        using var flow = new MinCostFlow();
        for (var a = 0; a < arcs.Count; a++)
        {
            // Pair arcs come first, so arc a of the solver is arc a of the input.
            if (flow.AddArcWithCapacityAndUnitCost(arcs[a].Left, left + arcs[a].Right, 1, cmax - value[a]) != a)
            {
                throw new InvalidOperationException("The min-cost flow solver numbered its arcs unexpectedly.");
            }
        }

        for (var i = 0; i < left; i++)
        {
            flow.AddArcWithCapacityAndUnitCost(i, sink, 1, cmax);
            flow.SetNodeSupply(i, 1);
        }

        for (var j = 0; j < right; j++)
        {
            flow.AddArcWithCapacityAndUnitCost(left + j, sink, capacity, 0);
        }

        flow.SetNodeSupply(sink, -left);
        var status = flow.Solve();
        if (status != MinCostFlow.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The min-cost flow solver did not find the optimum (status {status}).");
        }

        for (var a = 0; a < arcs.Count; a++)
        {
            chosen[a] = flow.Flow(a) > 0;
        }

        return chosen;
    }
}
