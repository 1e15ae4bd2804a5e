using Google.OrTools.Sat;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// The most groups an area can hold, proven where that is cheap. Every minimal candidate group is enumerated
/// (<see cref="CandidateGroups"/>); any valid grouping contains one in each group, so the most disjoint candidates are
/// the area's maximum. The linear relaxation's prices bound that number (<see cref="PackingRelaxation"/>) and a complete
/// search looks for a grouping that reaches the bound, or rules it out (<see cref="PackingSearch"/>). Where the heuristic
/// already reaches an upper bound nothing more is needed; where the candidates are too many or the search too long,
/// the heuristic stands (a fallback, reported). Method and reasons: docs/shared-services.md, step 7.
/// </summary>
internal static class ExactGrouping
{
    /// <summary>Beyond this many candidates an integer model is not tried (CP-SAT would spend its budget loading it).</summary>
    private const int MaxModel = 3_000;

    /// <summary>What was known about an area's count.</summary>
    internal enum Proof
    {
        /// <summary>The heuristic reached the upper bound (or the area cannot hold a group): optimal without a solver.</summary>
        Bound,

        /// <summary>The price bound, the search or CP-SAT proved the optimum (the heuristic's count or more).</summary>
        Solver,

        /// <summary>Too many candidate sets or no proof within the step limits: the heuristic's count stands, unproven.</summary>
        FellBack,
    }

    public static (Partition Partition, Proof Proof) Improve(Partition heuristic, long bound, SharedServiceOptions options)
    {
        var count = heuristic.Regions.Count;
        if (count >= bound || !options.ExactSolver)
        {
            return (heuristic, count >= bound ? Proof.Bound : Proof.FellBack);
        }

        var candidates = CandidateGroups.Enumerate(heuristic.Graph, heuristic.Floor, heuristic.Units, options.ExactEnumerationLimit);
        if (candidates is null)
        {
            return (heuristic, Proof.FellBack);
        }

        if (PackingRelaxation.Solve(candidates, heuristic.Units, count) is not { } relaxation)
        {
            if (candidates.Count > MaxModel)
            {
                return (heuristic, Proof.FellBack);
            }

            var (found, optimal) = Pack(heuristic, candidates, bound, options);
            return found is null
                ? (heuristic, optimal ? Proof.Solver : Proof.FellBack)
                : (Build(heuristic, found), optimal ? Proof.Solver : Proof.FellBack);
        }

        // The relaxation often proves the heuristic's count at once. Otherwise, from its bound down, a complete search
        // looks for a grouping of that many groups within the budget the prices leave (PackingSearch): the first one
        // found is the most there can be; a count with none is ruled out.
        var (value, reducedCost, prices) = relaxation;
        bound = Math.Min(bound, PackingRelaxation.BoundOf(value));
        var local = new Dictionary<int, int>(heuristic.Units.Count);
        for (var i = 0; i < heuristic.Units.Count; i++)
        {
            local[heuristic.Units[i]] = i;
        }

        int[][] sets = [.. candidates.Select(c => c.Select(u => local[u]).ToArray())];
        for (var target = bound; target > count; target--)
        {
            var (outcome, chosen) = PackingSearch.Find(sets, reducedCost, prices, PackingRelaxation.Slack(value, target), options.ExactSearchLimit);
            if (outcome == PackingSearch.Outcome.Found)
            {
                return (Build(heuristic, [.. chosen.Select(k => candidates[k])]), Proof.Solver);
            }

            if (outcome == PackingSearch.Outcome.Unknown)
            {
                return (heuristic, Proof.FellBack);
            }
        }

        return (heuristic, Proof.Solver);
    }

    /// <summary>
    /// The most disjoint sets (at most <paramref name="bound"/>) by CP-SAT within the deterministic budget: the chosen
    /// sets when they are more than the heuristic's groups, and whether that is proven the most.
    /// </summary>
    private static (List<int[]>? Found, bool Optimal) Pack(Partition heuristic, List<int[]> sets, long bound, SharedServiceOptions options)
    {
        var model = new CpModel();
        var chosen = sets.Select((_, k) => model.NewBoolVar($"s{k}")).ToArray();
        var containing = new Dictionary<int, List<BoolVar>>();
        for (var k = 0; k < sets.Count; k++)
        {
            foreach (var unit in sets[k])
            {
                if (!containing.TryGetValue(unit, out var list))
                {
                    containing[unit] = list = [];
                }

                list.Add(chosen[k]);
            }
        }

        foreach (var list in containing.Values.Where(l => l.Count > 1))
        {
            model.AddAtMostOne(list);
        }

        model.Add(LinearExpr.Sum(chosen) <= bound);
        model.Maximize(LinearExpr.Sum(chosen));
        Hint(model, heuristic, sets, chosen);

        var solver = new CpSolver
        {
            // Deterministic time only, never wall-clock: the same inputs give the same groups however busy the machine is.
            StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"num_workers:1 max_deterministic_time:{options.ExactTimeLimitSeconds} random_seed:{options.Seed}"),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return (null, status == CpSolverStatus.Infeasible);
        }

        var found = sets.Where((_, k) => solver.BooleanValue(chosen[k])).ToList();
        return (found.Count > heuristic.Regions.Count ? found : null, status == CpSolverStatus.Optimal);
    }

    /// <summary>The chosen sets as groups; leftovers attached and compacted as after region growing.</summary>
    private static Partition Build(Partition heuristic, List<int[]> sets)
    {
        var partition = new Partition(heuristic.Graph, heuristic.Floor, heuristic.Units);
        foreach (var set in sets)
        {
            var region = partition.Create();
            foreach (var unit in set)
            {
                partition.Add(region, unit);
            }
        }

        RegionImprovement.Attach(partition);
        RegionImprovement.Compact(partition);
        RegionImprovement.Attach(partition);
        return partition;
    }

    /// <summary>Each heuristic group contains a candidate set; those sets are the hint (disjoint, as the groups are).</summary>
    private static void Hint(CpModel model, Partition heuristic, List<int[]> sets, BoolVar[] chosen)
    {
        var hinted = new HashSet<Region>();
        for (var k = 0; k < sets.Count; k++)
        {
            var region = heuristic.RegionOf(sets[k][0]);
            if (region is not null && !hinted.Contains(region) && sets[k].All(u => heuristic.RegionOf(u) == region))
            {
                hinted.Add(region);
                model.AddHint(chosen[k], 1);
            }
        }
    }
}
