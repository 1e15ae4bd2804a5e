using Google.OrTools.LinearSolver;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// The linear relaxation of the set packing over candidate groups (each candidate may be taken fractionally, each
/// unit at most once in total), solved with OR-Tools' GLOP by column generation. Its dual gives every unit a price;
/// when every candidate costs at least 1, the prices add up to an upper bound on the number of disjoint candidates
/// (LP duality), and a candidate that costs much more than 1 cannot be part of a grouping close to that bound.
/// </summary>
internal static class PackingRelaxation
{
    private const double Tolerance = 1e-7;
    private const int MaxRounds = 200;

    /// <summary>
    /// The relaxation's value, each candidate's reduced cost (its scaled price less 1, never below 0) and the units'
    /// prices (indexed like the units); null when GLOP fails or some candidate costs nothing.
    /// </summary>
    public static (double Value, double[] ReducedCost, double[] Prices)? Solve(List<int[]> sets, IReadOnlyList<int> units, long reached = 0)
    {
        var local = new Dictionary<int, int>(units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            local[units[i]] = i;
        }

        int[][] columns = [.. sets.Select(s => s.Select(u => local[u]).ToArray())];
        var prices = sets.Count == 0 ? null : Prices(columns, units.Count, reached);
        if (prices is null)
        {
            return null;
        }

        var cost = Costs(columns, prices);
        var cheapest = cost.Min();
        if (cheapest <= Tolerance)
        {
            return null;
        }

        // Farley: scaled by the cheapest candidate's cost, every candidate costs at least 1, whatever GLOP returned.
        var scale = Math.Min(1, cheapest);
        return (prices.Sum() / scale, [.. cost.Select(c => Math.Max(0, c / scale - 1))], [.. prices.Select(p => p / scale)]);
    }

    /// <summary>The most groups the relaxation allows (rounded down, with room for rounding errors).</summary>
    public static long BoundOf(double value) => (long)Math.Floor(value + 1e-6);

    /// <summary>
    /// The most a grouping of <paramref name="groups"/> groups can spend on reduced costs: any candidate of a grouping with
    /// that many groups or more has a reduced cost up to this (see docs/shared-services.md).
    /// </summary>
    public static double Slack(double value, long groups) => value - groups;

    /// <summary>
    /// Column generation: GLOP solves the relaxation over a few candidates; the candidates whose prices add up to less
    /// than 1 are added, cheapest first, until none is left (the prices are then optimal) or the rounds run out.
    /// </summary>
    private static double[]? Prices(int[][] columns, int units, long reached)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var rows = new Constraint[units];
        for (var i = 0; i < units; i++)
        {
            rows[i] = solver.MakeConstraint(double.NegativeInfinity, 1, "");
        }

        var objective = solver.Objective();
        objective.SetMaximization();
        var active = new bool[columns.Length];
        void Add(int k)
        {
            active[k] = true;
            var x = solver.MakeNumVar(0, double.PositiveInfinity, "");
            objective.SetCoefficient(x, 1);
            foreach (var u in columns[k])
            {
                rows[u].SetCoefficient(x, 1);
            }
        }

        // To start, each unit's first candidate.
        var covered = new bool[units];
        for (var k = 0; k < columns.Length; k++)
        {
            if (columns[k].Any(u => !covered[u]))
            {
                Add(k);
                foreach (var u in columns[k])
                {
                    covered[u] = true;
                }
            }
        }

        double[]? prices = null;
        var perRound = Math.Max(50, 3 * units);
        for (var round = 0; round < MaxRounds; round++)
        {
            if (solver.Solve() != Solver.ResultStatus.OPTIMAL)
            {
                return prices;
            }

            var duals = rows.Select(r => r.DualValue()).ToArray();
            var sign = duals.Sum() < 0 ? -1 : 1;
            prices = [.. duals.Select(d => Math.Max(0, sign * d))];
            var cost = Costs(columns, prices);
            // Prices scaled by the cheapest candidate bound the count already (Farley): once that is down to what the
            // heuristic reached, the heuristic is proven and more rounds are not needed.
            if (BoundOf(prices.Sum() / Math.Min(1, Math.Max(Tolerance, cost.Min()))) <= reached)
            {
                break;
            }

            var violated = Enumerable.Range(0, columns.Length)
                .Where(k => !active[k] && cost[k] < 1 - Tolerance)
                .OrderBy(k => cost[k]).ThenBy(k => k)
                .Take(perRound)
                .ToList();
            if (violated.Count == 0)
            {
                break;
            }

            violated.ForEach(Add);
        }

        return prices;
    }

    private static double[] Costs(int[][] columns, double[] prices)
    {
        var cost = new double[columns.Length];
        for (var k = 0; k < columns.Length; k++)
        {
            foreach (var u in columns[k])
            {
                cost[k] += prices[u];
            }
        }

        return cost;
    }
}
