using System.Numerics;
using Readiness.Scoring.Geo;
using Readiness.Scoring.SharedServices;
using static Readiness.Tests.Scoring.SharedServices.SharedServiceGroupingTests;

namespace Readiness.Tests.Scoring.SharedServices;

/// <summary>
/// The candidate groups, the bounds and the exact count on small areas of very small places (groups of up to eight
/// members), against brute force over every subset.
/// </summary>
public sealed class PackingBoundTests
{
    [Test]
    public void Candidates_AreExactlyTheMinimalValidSets_OnSmallRandomAreas()
    {
        var random = new Random(7);
        for (var instance = 0; instance < 60; instance++)
        {
            var (places, neighbours, options) = SmallPlaces(random);
            var (graph, floor, units) = Prepare(places, neighbours, options);
            var brute = BruteForce(graph, floor, units.Count);

            var candidates = CandidateGroups.Enumerate(graph, floor, units, long.MaxValue);

            Assert.That(candidates, Is.Not.Null);
            Assert.That(candidates!.Select(Mask).Order(), Is.EqualTo(brute.Minimal.Order()), $"instance {instance}");
        }
    }

    [Test]
    public void Candidates_AreNull_BeyondTheStepLimit()
    {
        var (places, neighbours, options) = SmallPlaces(new Random(3));
        var (graph, floor, units) = Prepare(places, neighbours, options);

        Assert.That(CandidateGroups.Enumerate(graph, floor, units, limit: 2), Is.Null);
    }

    [Test]
    public void Bounds_AreAtLeastTheBruteForceMaximum_AndTheGroupCountEqualsIt_OnAreasOfVerySmallPlaces()
    {
        var random = new Random(2026);
        var relaxationTighter = 0;
        var exactBeyondHeuristic = 0;
        for (var instance = 0; instance < 120; instance++)
        {
            var (places, neighbours, options) = SmallPlaces(random);
            var (graph, floor, units) = Prepare(places, neighbours, options);
            var best = BruteForce(graph, floor, units.Count).Maximum;
            var candidates = CandidateGroups.Enumerate(graph, floor, units, long.MaxValue)!;
            var weightBound = SharedServiceGrouping.UpperBound(graph, floor, units);
            var relaxation = PackingRelaxation.Solve(candidates, units);
            var relaxationBound = relaxation is { } r ? PackingRelaxation.BoundOf(r.Value) : candidates.Count == 0 ? 0 : long.MaxValue;

            var exact = SharedServiceGrouping.Group(places, neighbours, options);
            var heuristic = SharedServiceGrouping.Group(places, neighbours, options with { ExactSolver = false });

            Assert.That(weightBound, Is.GreaterThanOrEqualTo(best), $"instance {instance}: the weight bound");
            Assert.That(relaxationBound, Is.GreaterThanOrEqualTo(best), $"instance {instance}: the relaxation's bound");
            Assert.That(exact.Groups, Has.Count.EqualTo(best), $"instance {instance}");
            Assert.That(exact.Solver.FellBack, Is.Empty, $"instance {instance}: small areas are always proven");
            relaxationTighter += relaxationBound < weightBound ? 1 : 0;
            exactBeyondHeuristic += exact.Groups.Count > heuristic.Groups.Count ? 1 : 0;
        }

        TestContext.Out.WriteLine($"relaxation tighter than the weight bound on {relaxationTighter} of 120; the solver beat the heuristic on {exactBeyondHeuristic}");
        Assert.That(relaxationTighter, Is.GreaterThan(0), "the instances exercise the relaxation");
        Assert.That(exactBeyondHeuristic, Is.GreaterThan(0), "the instances exercise the solver");
    }

    [Test]
    public void Search_FindsAGroupingOfTheMaximum_AndRulesOutOneMore()
    {
        var random = new Random(99);
        var searched = 0;
        for (var instance = 0; instance < 60; instance++)
        {
            var (places, neighbours, options) = SmallPlaces(random);
            var (graph, floor, units) = Prepare(places, neighbours, options);
            var candidates = CandidateGroups.Enumerate(graph, floor, units, long.MaxValue)!;
            if (PackingRelaxation.Solve(candidates, units) is not { } relaxation)
            {
                continue;
            }

            var best = BestPacking(candidates).Count;
            int[][] sets = [.. candidates];
            var (found, chosen) = PackingSearch.Find(sets, relaxation.ReducedCost, relaxation.Prices, PackingRelaxation.Slack(relaxation.Value, best), long.MaxValue);
            var (more, _) = PackingSearch.Find(sets, relaxation.ReducedCost, relaxation.Prices, PackingRelaxation.Slack(relaxation.Value, best + 1), long.MaxValue);

            Assert.That(found, Is.EqualTo(PackingSearch.Outcome.Found), $"instance {instance}: the maximum is within the budget");
            Assert.That(chosen, Has.Count.EqualTo(best), $"instance {instance}");
            Assert.That(chosen.SelectMany(k => sets[k]), Is.Unique, $"instance {instance}: disjoint");
            Assert.That(more, Is.EqualTo(PackingSearch.Outcome.None), $"instance {instance}: one more is ruled out");
            searched++;
        }

        Assert.That(searched, Is.GreaterThan(40));
    }

    /// <summary>Places of 25 to 200 foreign residents (a few of 350 or more) on a path with random shortcuts: groups need several members.</summary>
    private static (List<SharedServiceMunicipality>, List<Neighbour>, SharedServiceOptions) SmallPlaces(Random random)
    {
        var n = random.Next(8, 14);
        var places = Enumerable.Range(1, n)
            .Select(i => Place(i, foreign: random.Next(1, 9) * 25 + (random.NextDouble() < 0.15 ? 150 : 0)))
            .ToList();
        var neighbours = new List<Neighbour>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (j == i + 1 || random.NextDouble() < 0.2)
                {
                    neighbours.Add(new Neighbour(places[i].Ags, places[j].Ags, NeighbourSource.Boundary, 1000, null, 4));
                    neighbours.Add(new Neighbour(places[j].Ags, places[i].Ags, NeighbourSource.Boundary, 1000, null, 4));
                }
            }
        }

        return (places, neighbours, new SharedServiceOptions { MaxMembers = random.Next(3, 9), Restarts = 1 });
    }

    private static (UnitGraph, FloorRule, List<int>) Prepare(List<SharedServiceMunicipality> places, List<Neighbour> neighbours, SharedServiceOptions options)
    {
        var graph = UnitGraph.Build(places, neighbours, options);
        return (graph, new FloorRule(options), [.. Enumerable.Range(0, graph.Count)]);
    }

    private static int Mask(int[] set) => set.Aggregate(0, (mask, unit) => mask | 1 << unit);

    /// <summary>Every valid set (connected, over the floor, within the ceiling), the minimal ones, and the most disjoint ones.</summary>
    private static (List<int> Minimal, int Maximum) BruteForce(UnitGraph graph, FloorRule floor, int n)
    {
        var valid = new bool[1 << n];
        for (var mask = 1; mask < 1 << n; mask++)
        {
            var size = BitOperations.PopCount((uint)mask);
            long population = 0;
            double foreign = 0;
            for (var u = 0; u < n; u++)
            {
                if ((mask >> u & 1) == 1)
                {
                    population += graph.Population[u];
                    foreign += graph.Foreign[u];
                }
            }

            valid[mask] = size <= floor.MaxMembers && floor.Meets(size, population, foreign) && Connected(graph, mask, n);
        }

        var minimal = Enumerable.Range(1, (1 << n) - 1)
            .Where(m => valid[m] && !Enumerable.Range(0, n).Any(u => (m >> u & 1) == 1 && valid[m & ~(1 << u)]))
            .ToList();
        var best = new int[1 << n];
        for (var used = 0; used < 1 << n; used++)
        {
            foreach (var set in minimal)
            {
                if ((set & used) == 0)
                {
                    best[used | set] = Math.Max(best[used | set], best[used] + 1);
                }
            }
        }

        return (minimal, best.Max());
    }

    private static bool Connected(UnitGraph graph, int mask, int n)
    {
        var seen = mask & -mask;
        var frontier = seen;
        while (frontier != 0)
        {
            var next = 0;
            for (var u = 0; u < n; u++)
            {
                if ((frontier >> u & 1) == 1)
                {
                    next |= graph.Adjacent[u].Aggregate(0, (m, v) => m | 1 << v) & mask & ~seen;
                }
            }

            seen |= next;
            frontier = next;
        }

        return seen == mask;
    }

    /// <summary>A largest packing of the candidates, by exhaustive search (small instances only).</summary>
    private static List<int[]> BestPacking(List<int[]> candidates)
    {
        var best = new List<int[]>();
        var current = new List<int[]>();
        void Search(int from, int used)
        {
            if (current.Count > best.Count)
            {
                best = [.. current];
            }

            for (var k = from; k < candidates.Count; k++)
            {
                var mask = Mask(candidates[k]);
                if ((mask & used) == 0)
                {
                    current.Add(candidates[k]);
                    Search(k + 1, used | mask);
                    current.RemoveAt(current.Count - 1);
                }
            }
        }

        Search(0, 0);
        return best;
    }
}
