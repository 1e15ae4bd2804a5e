using Google.OrTools.Graph;

namespace Readiness.Scoring.Pairing;

/// <summary>
/// An allowed pair with its integer weight (scaled benefit); <c>Left</c> is the mentee, <c>Right</c> the mentor.
/// <c>Priority</c> ranks before any weight: the assignment first maximises the number of pairs of priority 1
/// (a starting mentee), then the total weight.
/// </summary>
internal readonly record struct WeightedArc(int Left, int Right, long Weight, int Priority = 0);

/// <summary>
/// Maximum-weight b-matching, solved exactly as a min-cost flow with OR-Tools: every mentee sends one
/// unit either through one of its mentor arcs or through its own "unassigned" arc to the sink, and
/// each mentor passes at most <c>capacity</c> units on. Costs are <c>Cmax − value</c> for a pair and
/// <c>Cmax</c> for "unassigned", so the cheapest flow is the assignment with the largest total value,
/// and leaving a mentee unpaired is always allowed: the solver maximises value, not the number of pairs.
/// </summary>
/// <remarks>
/// <para>Lexicographic need first: an arc of priority 1 is worth <c>P</c> more, with <c>P</c> above the sum of
/// every mentee's best value. One more priority pair therefore outweighs any difference in benefit, and among
/// plans with as many priority pairs the benefit decides, exactly.</para>
/// <para>Ties are broken deterministically by a small preference: on each mentee's arcs, ordered by mentor
/// index (AGS order), the value is <c>K·weight + (T − 1 − rank)</c> with T the largest number of arcs of
/// any mentee and <c>K = mentees·(T − 1) + 1</c>. The preferences of all mentees together sum to less
/// than K, so they can only decide between assignments of the same total weight.</para>
/// <para>The problem falls apart into independent pieces (mentees and mentors linked by arcs, in practice a
/// district): each is solved on its own, which keeps the scaled values far from overflow at any size.</para>
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
        }

        foreach (var piece in Pieces(left, right, arcs))
        {
            SolvePiece(piece, capacity, arcs, chosen);
        }

        return chosen;
    }

    /// <summary>Arc indices of each connected piece (union-find over mentees and mentors), each in input order.</summary>
    private static List<List<int>> Pieces(int left, int right, IReadOnlyList<WeightedArc> arcs)
    {
        var parent = Enumerable.Range(0, left + right).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        foreach (var arc in arcs)
        {
            var (a, b) = (Find(arc.Left), Find(left + arc.Right));
            if (a != b)
            {
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }

        var pieces = new Dictionary<int, List<int>>();
        for (var a = 0; a < arcs.Count; a++)
        {
            var root = Find(arcs[a].Left);
            if (!pieces.TryGetValue(root, out var list))
            {
                pieces[root] = list = [];
            }

            list.Add(a);
        }

        return [.. pieces.OrderBy(p => p.Key).Select(p => p.Value)];
    }

    private static void SolvePiece(List<int> piece, int capacity, IReadOnlyList<WeightedArc> arcs, bool[] chosen)
    {
        // Local numbering: mentees and mentors of this piece in first-seen order (arcs are sorted by mentee, then mentor).
        var menteeOf = new Dictionary<int, int>();
        var mentorOf = new Dictionary<int, int>();
        var rank = new int[piece.Count];
        var degree = new List<int>();
        for (var k = 0; k < piece.Count; k++)
        {
            var arc = arcs[piece[k]];
            if (!menteeOf.TryGetValue(arc.Left, out var i))
            {
                menteeOf[arc.Left] = i = menteeOf.Count;
                degree.Add(0);
            }

            mentorOf.TryAdd(arc.Right, mentorOf.Count);
            rank[k] = degree[i]++;
        }

        long left = menteeOf.Count;
        long maxDegree = degree.Max();
        var factor = checked(left * (maxDegree - 1) + 1);
        var value = new long[piece.Count];
        var best = new long[left];
        for (var k = 0; k < piece.Count; k++)
        {
            value[k] = checked(factor * arcs[piece[k]].Weight + (maxDegree - 1 - rank[k]));
            var i = menteeOf[arcs[piece[k]].Left];
            best[i] = Math.Max(best[i], value[k]);
        }

        var bonus = checked(best.Sum() + 1);
        for (var k = 0; k < piece.Count; k++)
        {
            value[k] = checked(value[k] + arcs[piece[k]].Priority * bonus);
        }

        var cmax = value.Max();
        var sink = menteeOf.Count + mentorOf.Count;
        using var flow = new MinCostFlow();
        for (var k = 0; k < piece.Count; k++)
        {
            // Pair arcs come first, so arc k of the solver is arc k of the piece.
            var arc = arcs[piece[k]];
            if (flow.AddArcWithCapacityAndUnitCost(menteeOf[arc.Left], menteeOf.Count + mentorOf[arc.Right], 1, cmax - value[k]) != k)
            {
                throw new InvalidOperationException("The min-cost flow solver numbered its arcs unexpectedly.");
            }
        }

        for (var i = 0; i < menteeOf.Count; i++)
        {
            flow.AddArcWithCapacityAndUnitCost(i, sink, 1, cmax);
            flow.SetNodeSupply(i, 1);
        }

        for (var j = 0; j < mentorOf.Count; j++)
        {
            flow.AddArcWithCapacityAndUnitCost(menteeOf.Count + j, sink, capacity, 0);
        }

        flow.SetNodeSupply(sink, -menteeOf.Count);
        var status = flow.Solve();
        if (status != MinCostFlow.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The min-cost flow solver did not find the optimum (status {status}).");
        }

        for (var k = 0; k < piece.Count; k++)
        {
            chosen[piece[k]] = flow.Flow(k) > 0;
        }
    }
}
