using Google.OrTools.Sat;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// The most groups an area can hold, proven with OR-Tools CP-SAT where that is cheap. Every set of units
/// that could be a group and has no smaller such set inside it (connected, over the floor, within the ceiling)
/// is enumerated; the solver then picks as many disjoint ones as possible (set packing). Any valid grouping
/// contains such a set in each group, so the packing's maximum is the area's maximum. The heuristic's groups
/// are the hint; where the heuristic already reaches the upper bound, no solver is needed; where the sets are
/// too many or the time runs out before the proof, the heuristic stands (a fallback, reported).
/// </summary>
internal static class ExactGrouping
{
    /// <summary>What was known about an area's count.</summary>
    internal enum Proof
    {
        /// <summary>The heuristic reached the upper bound (or the area cannot hold a group): optimal without a solver.</summary>
        Bound,

        /// <summary>The solver proved the optimum (the heuristic's count or more).</summary>
        Solver,

        /// <summary>Too many candidate sets or no proof in time: the heuristic's count stands, unproven.</summary>
        FellBack,
    }

    public static (Partition Partition, Proof Proof) Improve(Partition heuristic, long bound, SharedServiceOptions options)
    {
        if (heuristic.Regions.Count >= bound || !options.ExactSolver)
        {
            return (heuristic, heuristic.Regions.Count >= bound ? Proof.Bound : Proof.FellBack);
        }

        var sets = Enumerate(heuristic, options.ExactEnumerationLimit);
        if (sets is null)
        {
            return (heuristic, Proof.FellBack);
        }

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
            return (heuristic, Proof.FellBack);
        }

        var found = chosen.Count(v => solver.BooleanValue(v));
        var proof = status == CpSolverStatus.Optimal ? Proof.Solver : Proof.FellBack;
        if (found <= heuristic.Regions.Count)
        {
            return (heuristic, proof);
        }

        var partition = new Partition(heuristic.Graph, heuristic.Floor, heuristic.Units);
        for (var k = 0; k < sets.Count; k++)
        {
            if (solver.BooleanValue(chosen[k]))
            {
                var region = partition.Create();
                foreach (var unit in sets[k])
                {
                    partition.Add(region, unit);
                }
            }
        }

        RegionImprovement.Attach(partition);
        RegionImprovement.Compact(partition);
        RegionImprovement.Attach(partition);
        return (partition, proof);
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

    /// <summary>
    /// Connected unit sets within the ceiling that reach the floor, grown from their lowest unit through units
    /// above it (each set once, as in Wernicke's ESU) and not grown further once over the floor. Null when more
    /// than <paramref name="limit"/> steps would be needed.
    /// </summary>
    internal static List<int[]>? Enumerate(Partition partition, int limit)
    {
        var graph = partition.Graph;
        var floor = partition.Floor;
        var result = new List<int[]>();
        var steps = 0;
        var current = new List<int>();
        var inSet = new HashSet<int>();
        var near = new HashSet<int>(); // the set and its neighbours: the exclusive neighbourhood test
        var weights = FloorWeights.Of(graph, floor, partition.Units);

        bool Extend(int root, List<int> extension, int size, long population, double foreign)
        {
            if (++steps > limit)
            {
                return false;
            }

            if (floor.Meets(size, population, foreign))
            {
                result.Add([.. current.Order()]);
                return true;
            }

            // A set that no members of the area could lift over the floor any more is not grown further.
            if (weights is not null && !weights.CanReach(size, floor.Weight(population, foreign), floor.MaxMembers))
            {
                return true;
            }

            for (var e = extension.Count - 1; e >= 0; e--)
            {
                var w = extension[e];
                if (size + graph.Size[w] > floor.MaxMembers)
                {
                    continue;
                }

                var next = extension.GetRange(0, e);
                var added = new List<int>();
                foreach (var u in graph.Adjacent[w])
                {
                    if (u > root && !near.Contains(u))
                    {
                        next.Add(u);
                        added.Add(u);
                    }
                }

                current.Add(w);
                inSet.Add(w);
                var newlyNear = added.Where(near.Add).ToList();
                var ok = Extend(root, next, size + graph.Size[w], population + graph.Population[w], foreign + graph.Foreign[w]);
                foreach (var u in newlyNear)
                {
                    near.Remove(u);
                }

                current.RemoveAt(current.Count - 1);
                inSet.Remove(w);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        var areaUnits = partition.Units.ToHashSet();
        foreach (var root in partition.Units)
        {
            current.Clear();
            inSet.Clear();
            near.Clear();
            current.Add(root);
            inSet.Add(root);
            near.Add(root);
            var extension = new List<int>();
            foreach (var u in graph.Adjacent[root])
            {
                if (u > root && areaUnits.Contains(u) && near.Add(u))
                {
                    extension.Add(u);
                }
            }

            if (!Extend(root, extension, graph.Size[root], graph.Population[root], graph.Foreign[root]))
            {
                return null;
            }
        }

        return result;
    }
}
