namespace Readiness.Scoring.SharedServices;

/// <summary>
/// A complete search for a given number of disjoint candidate groups, pruned by the relaxation's prices. With prices
/// under which every candidate costs at least 1, a grouping's count is the sum of all prices less the prices of the
/// units it leaves out, less the reduced costs (cost above 1) of its candidates. So a grouping of <c>target</c> groups
/// may spend at most the sum of all prices less <c>target</c> on units left out and on reduced costs: the search
/// decides unit by unit, dearest first, whether it is left out or which affordable candidate takes it in, and gives up
/// a branch as soon as that budget is spent. Units of price 0 cost nothing to leave out and are never branched on.
/// </summary>
internal sealed class PackingSearch
{
    private const double Tolerance = 1e-7;

    private readonly int[][] sets; // local unit indices
    private readonly double[] reducedCost;
    private readonly double[] price;
    private readonly int[] dear; // units of positive price
    private readonly int[][] containing; // per unit, the candidates with it, cheapest first
    private readonly bool[] decided; // taken in by a chosen candidate, or left out
    private readonly int[] blocked; // per candidate, how many of its units are decided
    private readonly int[] open; // per unit, how many candidates with it are not blocked
    private readonly List<int> chosen = [];
    private readonly long limit;
    private long work;

    private PackingSearch(int[][] sets, double[] reducedCost, double[] price, long limit)
    {
        this.sets = sets;
        this.reducedCost = reducedCost;
        this.price = price;
        this.limit = limit;
        var n = price.Length;
        decided = new bool[n];
        blocked = new int[sets.Length];
        dear = [.. Enumerable.Range(0, n).Where(u => price[u] > Tolerance).OrderByDescending(u => price[u]).ThenBy(u => u)];
        var lists = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (var k = 0; k < sets.Length; k++)
        {
            foreach (var u in sets[k])
            {
                lists[u].Add(k);
            }
        }

        containing = [.. lists.Select(l => l.OrderBy(k => reducedCost[k]).ThenBy(k => k).ToArray())];
        open = [.. lists.Select(l => l.Count)];
    }

    /// <summary>What the search found out about the target.</summary>
    internal enum Outcome
    {
        /// <summary>A grouping of the target's size was found.</summary>
        Found,

        /// <summary>The search was complete: no grouping of the target's size exists.</summary>
        None,

        /// <summary>The node limit was reached first.</summary>
        Unknown,
    }

    /// <summary>
    /// Looks for <paramref name="budget"/>-affordable groupings (budget: the sum of all prices less the target).
    /// <paramref name="sets"/> hold local unit indices into <paramref name="price"/>.
    /// </summary>
    public static (Outcome Outcome, List<int> Chosen) Find(int[][] sets, double[] reducedCost, double[] price, double budget, long limit)
    {
        var search = new PackingSearch(sets, reducedCost, price, limit);
        var outcome = search.Search(budget);
        return (outcome, outcome == Outcome.Found ? [.. search.chosen] : []);
    }

    /// <summary>
    /// Decides the dear unit with the fewest candidates left (as in Knuth's dancing links: the most constrained first,
    /// so dead ends show early): one of its affordable candidates takes it in, or it is left out.
    /// </summary>
    private Outcome Search(double budget)
    {
        var unit = -1;
        foreach (var u in dear)
        {
            if (!decided[u] && (unit < 0 || open[u] < open[unit]))
            {
                unit = u;
            }
        }

        if (unit < 0)
        {
            return Outcome.Found;
        }

        foreach (var k in containing[unit])
        {
            if (reducedCost[k] > budget + Tolerance)
            {
                break; // cheapest first: none further is affordable
            }

            if (blocked[k] > 0)
            {
                continue;
            }

            if (++work > limit)
            {
                return Outcome.Unknown;
            }

            foreach (var u in sets[k])
            {
                Decide(u);
            }

            chosen.Add(k);
            var outcome = Search(budget - reducedCost[k]);
            if (outcome != Outcome.None)
            {
                return outcome;
            }

            chosen.RemoveAt(chosen.Count - 1);
            for (var i = sets[k].Length - 1; i >= 0; i--)
            {
                Undecide(sets[k][i]);
            }
        }

        // Or the unit stays out of every group.
        if (price[unit] > budget + Tolerance)
        {
            return Outcome.None;
        }

        Decide(unit);
        var rest = Search(budget - price[unit]);
        Undecide(unit);
        return rest;
    }

    private void Decide(int unit)
    {
        decided[unit] = true;
        foreach (var k in containing[unit])
        {
            if (blocked[k]++ == 0)
            {
                foreach (var v in sets[k])
                {
                    open[v]--;
                }
            }
        }

        work += containing[unit].Length;
    }

    private void Undecide(int unit)
    {
        decided[unit] = false;
        foreach (var k in containing[unit])
        {
            if (--blocked[k] == 0)
            {
                foreach (var v in sets[k])
                {
                    open[v]++;
                }
            }
        }
    }
}
