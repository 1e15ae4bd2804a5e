using Readiness.Scoring.Geo;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.Scores;
using static Readiness.Tests.Scoring.Pairing.PairingBuilders;

namespace Readiness.Tests.Scoring.Pairing;

public sealed class MentorAssignmentTests
{
    [Test]
    public void Solve_EqualsBruteForceOptimum_AndRespectsCapacity_OnGeneratedInstances()
    {
        var greedyWorse = 0;
        var instancesWithPairs = 0;
        var needFirstChangedSomething = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var (places, neighbours, options) = Generate(seed);
            var tier = places.ToDictionary(p => p.Ags, p => p.Tier);

            var result = MentorAssignment.Solve(places, neighbours, options);
            var benefitOnly = MentorAssignment.Solve(places, neighbours, options with { NeedFirst = false });

            var candidates = result.Candidates.Values.SelectMany(c => c).ToList();
            Assert.That(candidates.Select(c => (c.MenteeAgs, c.MentorAgs)), Is.EquivalentTo(ExpectedCandidates(places, neighbours, options)),
                $"seed {seed}: candidates are the mentors within reach and clearly ahead");
            var useful = candidates.Where(c => c.Benefit > options.MinBenefit).ToList();
            var (starting, optimum) = BruteForce(useful, options.MaxMenteesPerMentor, m => tier[m] == ReadinessTier.Starting);
            var (_, benefitOptimum) = BruteForce(useful, options.MaxMenteesPerMentor, _ => false);
            var greedy = Greedy(useful, options.MaxMenteesPerMentor);
            Assert.That(result.Pairs.Count(p => tier[p.MenteeAgs] == ReadinessTier.Starting), Is.EqualTo(starting), $"seed {seed}: as many starting mentees as possible");
            Assert.That(result.TotalBenefit, Is.EqualTo(optimum).Within(1e-5), $"seed {seed}: then the brute-force optimum of benefit");
            Assert.That(benefitOnly.TotalBenefit, Is.EqualTo(benefitOptimum).Within(1e-5), $"seed {seed}: without need first, the benefit optimum");
            Assert.That(result.NeedFirstPrice, Is.EqualTo(benefitOptimum - optimum).Within(1e-5), $"seed {seed}: the price of need first");
            Assert.That(result.Pairs.CountBy(p => p.MentorAgs).Select(c => c.Value), Has.All.LessThanOrEqualTo(options.MaxMenteesPerMentor), $"seed {seed}: capacity (a generated instance may have no pair)");
            Assert.That(result.Pairs.Select(p => p.MenteeAgs), Is.Unique, $"seed {seed}: one mentor per mentee");
            Assert.That(result.Pairs.Select(p => p.Benefit), Has.All.GreaterThan(0), $"seed {seed}: no pair without benefit");
            Assert.That(greedy, Is.LessThanOrEqualTo(benefitOnly.TotalBenefit + 1e-5), $"seed {seed}: greedy is never better");
            Assert.That(result.Pairs.Count + result.Unpaired.Count, Is.EqualTo(result.Statistics.Mentees), $"seed {seed}: every mentee is accounted for");
            greedyWorse += greedy < benefitOnly.TotalBenefit - 1e-5 ? 1 : 0;
            instancesWithPairs += result.Pairs.Count > 0 ? 1 : 0;
            needFirstChangedSomething += benefitOptimum - optimum > 1e-5 ? 1 : 0;
        }

        TestContext.Out.WriteLine($"greedy strictly worse on {greedyWorse} of {instancesWithPairs} instances with pairs; need first cost benefit on {needFirstChangedSomething}");
        Assert.That(instancesWithPairs, Is.GreaterThan(300), "the generator makes real instances");
        Assert.That(needFirstChangedSomething, Is.GreaterThan(0), "the generator makes instances where need first matters");
    }

    [Test]
    public void NeedFirst_PairsTheStartingMentee_WhereBenefitAloneWouldPreferTheDevelopingOne()
    {
        // One mentor with one place. The developing mentee is nearer (more benefit), the starting one farther.
        var developing = Place("09999001", 2, 0, ReadinessTier.Developing, []);
        var starting = Mentee("09999002", 12, 0);
        var mentor = Mentor("09999003", 0, 0, Structures.Network);

        var result = MentorAssignment.Solve([developing, starting, mentor], [], new PairingOptions { MaxMenteesPerMentor = 1 });
        var benefitOnly = MentorAssignment.Solve([developing, starting, mentor], [], new PairingOptions { MaxMenteesPerMentor = 1, NeedFirst = false });

        Assert.That(result.Pairs.Single().MenteeAgs, Is.EqualTo("09999002"));
        Assert.That(benefitOnly.Pairs.Single().MenteeAgs, Is.EqualTo("09999001"));
        Assert.That(result.NeedFirstPrice, Is.EqualTo(benefitOnly.TotalBenefit - result.TotalBenefit).Within(1e-12));
        Assert.That(result.NeedFirstPrice, Is.GreaterThan(0));
        Assert.That(result.Unpaired.Single().Cause, Is.EqualTo(PairingRoleReason.CandidatesAtCapacity));
    }

    /// <summary>Mentors within 30 km or sharing a border, in the same district, at least the minimum gap ahead: computed here without the solver's finder.</summary>
    private static List<(string, string)> ExpectedCandidates(List<PairingMunicipality> places, List<Neighbour> neighbours, PairingOptions options)
    {
        var borders = neighbours.Select(n => (n.Ags, n.NeighbourAgs)).ToHashSet();
        return [.. from mentee in places.Where(p => p.Tier is ReadinessTier.Starting or ReadinessTier.Developing)
                   from mentor in places.Where(p => p.Tier >= ReadinessTier.Established && p.HasContactPerson == true)
                   where mentee.DistrictKey == mentor.DistrictKey
                   where borders.Contains((mentee.Ags, mentor.Ags)) || mentee.Location!.Value.DistanceKm(mentor.Location!.Value) <= options.MaxDistanceKm
                   where mentor.Score - mentee.Score >= options.MinScoreGap
                   select (mentee.Ags, mentor.Ags)];
    }

    [Test]
    public void Exact_BeatsGreedy_OnConstructedCase()
    {
        // Mentor X has one place; A gets 0.90 from X and 0.80 from Y, B can only go to X (0.85).
        // Greedy takes the single best pair A–X first, and B is left alone: 0.90 in total. The exact
        // assignment sends A to its second choice Y and B to X: 0.80 + 0.85 = 1.65.
        WeightedArc[] arcs = [new(0, 0, 900), new(0, 1, 800), new(1, 0, 850)];

        var chosen = MaxWeightAssignment.Solve(left: 2, right: 2, capacity: 1, arcs);

        var exact = arcs.Where((_, a) => chosen[a]).Sum(a => a.Weight);
        var greedy = 0L;
        var menteeUsed = new HashSet<int>();
        var mentorUsed = new HashSet<int>();
        foreach (var arc in arcs.OrderByDescending(a => a.Weight))
        {
            if (!menteeUsed.Contains(arc.Left) && mentorUsed.Add(arc.Right))
            {
                menteeUsed.Add(arc.Left);
                greedy += arc.Weight;
            }
        }

        Assert.That(exact, Is.EqualTo(1650));
        Assert.That(greedy, Is.EqualTo(900));
    }

    [Test]
    public void Exact_BeatsGreedy_ThroughTheWholePipeline()
    {
        // Same shape with real places: A sits between X (3 km) and Y (8 km), B only reaches X (22 km;
        // Y is 33 km away, beyond the 30 km limit). Greedy gives X to A (0.215) and B stays alone; the
        // optimum gives Y to A (0.168) and X to B (0.083).
        var a = Mentee("09999001", 0, 0);
        var b = Mentee("09999002", -25, 0);
        var x = Mentor("09999003", -3, 0, Structures.Network);
        var y = Mentor("09999004", 8, 0, Structures.Network);

        var result = MentorAssignment.Solve([a, b, x, y], [], new PairingOptions { MaxMenteesPerMentor = 1 });

        var useful = result.Candidates.Values.SelectMany(c => c).ToList();
        Assert.That(result.Pairs.Select(p => (p.MenteeAgs, p.MentorAgs)), Is.EquivalentTo(new[] { ("09999001", "09999004"), ("09999002", "09999003") }));
        Assert.That(Greedy(useful, 1), Is.LessThan(result.TotalBenefit - 0.01));
    }

    [Test]
    public void Solve_IsDeterministic_WhateverTheInputOrder()
    {
        var (places, neighbours, options) = Generate(42);
        var random = new Random(12345);
        var shuffled = places.OrderBy(_ => random.Next()).ToList();

        var first = MentorAssignment.Solve(places, neighbours, options);
        var second = MentorAssignment.Solve(shuffled, [.. neighbours.AsEnumerable().Reverse()], options);

        Assert.That(second.Pairs, Is.EqualTo(first.Pairs).Using<MentorPair>(SamePair));
        Assert.That(second.Unpaired, Is.EqualTo(first.Unpaired));
    }

    [Test]
    public void Ties_GoToTheLowerMentorAgs()
    {
        // Two identical mentors at the same distance: the total is the same either way.
        var mentee = Mentee("09999001", 0, 0);
        var high = Mentor("09999009", 5, 0, Structures.Network);
        var low = Mentor("09999005", -5, 0, Structures.Network);

        var result = MentorAssignment.Solve([high, mentee, low], []);

        Assert.That(result.Pairs.Single().MentorAgs, Is.EqualTo("09999005"));
    }

    private static bool SamePair(MentorPair a, MentorPair b) =>
        a.MenteeAgs == b.MenteeAgs && a.MentorAgs == b.MentorAgs && Math.Abs(a.Benefit - b.Benefit) < 1e-12;

    /// <summary>Random instances: up to 8 mentees and 8 mentors in a 50 km square, some sharing borders.</summary>
    internal static (List<PairingMunicipality> Places, List<Neighbour> Neighbours, PairingOptions Options) Generate(int seed)
    {
        var random = new Random(seed);
        var places = new List<PairingMunicipality>();
        var menteeCount = random.Next(1, 9);
        var mentorCount = random.Next(1, 9);
        for (var k = 0; k < menteeCount + mentorCount; k++)
        {
            var isMentee = k < menteeCount;
            var structures = Structures.All.ToDictionary(
                s => s,
                _ => random.NextDouble() < 0.1 ? (bool?)null : random.NextDouble() < (isMentee ? 0.3 : 0.6),
                StringComparer.Ordinal);
            if (!isMentee)
            {
                structures[Structures.ContactPerson] = true;
            }

            var tier = isMentee
                ? (random.Next(2) == 0 ? ReadinessTier.Starting : ReadinessTier.Developing)
                : (random.Next(2) == 0 ? ReadinessTier.Established : ReadinessTier.Experienced);
            places.Add(new PairingMunicipality(
                $"0999{k:D4}", $"P{k}", District, At(random.NextDouble() * 50, random.NextDouble() * 50), tier,
                isMentee ? random.NextDouble() * 50 : 50 + random.NextDouble() * 50,
                structures[Structures.ContactPerson], structures, random.Next(3),
                [random.NextDouble() * 2, random.NextDouble() * 2]));
        }

        var neighbours = new List<Neighbour>();
        for (var i = 0; i < places.Count; i++)
        {
            for (var j = i + 1; j < places.Count; j++)
            {
                if (random.NextDouble() < 0.1)
                {
                    neighbours.Add(Border(places[i].Ags, places[j].Ags));
                    neighbours.Add(Border(places[j].Ags, places[i].Ags));
                }
            }
        }

        return (places, neighbours, new PairingOptions { MaxMenteesPerMentor = random.Next(1, 4) });
    }

    /// <summary>
    /// The best plan over every assignment, each mentee picking one candidate or none within capacity: most
    /// priority mentees paired first, then the largest total benefit. <paramref name="placesOf"/> gives a mentor fewer places
    /// than <paramref name="capacity"/> (e.g. some taken by decided pairs).
    /// </summary>
    internal static (int Priority, double Benefit) BruteForce(
        IReadOnlyList<MentorPair> candidates, int capacity, Func<string, bool> isPriority, Func<string, int>? placesOf = null)
    {
        var mentees = candidates.Select(c => c.MenteeAgs).Distinct().Order().ToList();
        var mentors = candidates.Select(c => c.MentorAgs).Distinct().Order().ToList();
        var options = mentees.Select(m => candidates.Where(c => c.MenteeAgs == m).Select(c => (Mentor: mentors.IndexOf(c.MentorAgs), c.Benefit)).ToList()).ToList();
        var memo = new Dictionary<(int, long), (int, double)>();
        var load = new int[mentors.Count];

        (int, double) Best(int i)
        {
            if (i == mentees.Count)
            {
                return (0, 0);
            }

            var key = (i, load.Aggregate(0L, (code, l) => code * (capacity + 1) + l));
            if (memo.TryGetValue(key, out var known))
            {
                return known;
            }

            var best = Best(i + 1);
            var priority = isPriority(mentees[i]) ? 1 : 0;
            foreach (var (mentor, benefit) in options[i])
            {
                if (load[mentor] < (placesOf?.Invoke(mentors[mentor]) ?? capacity))
                {
                    load[mentor]++;
                    var (p, b) = Best(i + 1);
                    var candidate = (p + priority, b + benefit);
                    if (candidate.Item1 > best.Item1 || (candidate.Item1 == best.Item1 && candidate.Item2 > best.Item2))
                    {
                        best = candidate;
                    }

                    load[mentor]--;
                }
            }

            return memo[key] = best;
        }

        return Best(0);
    }

    /// <summary>The baseline: best pair first, while mentee and mentor are free.</summary>
    internal static double Greedy(IReadOnlyList<MentorPair> candidates, int capacity)
    {
        var paired = new HashSet<string>();
        var load = new Dictionary<string, int>();
        var total = 0.0;
        foreach (var c in candidates.Where(c => c.Benefit > 0).OrderByDescending(c => c.Benefit).ThenBy(c => c.MenteeAgs).ThenBy(c => c.MentorAgs))
        {
            if (!paired.Contains(c.MenteeAgs) && load.GetValueOrDefault(c.MentorAgs) < capacity)
            {
                paired.Add(c.MenteeAgs);
                load[c.MentorAgs] = load.GetValueOrDefault(c.MentorAgs) + 1;
                total += c.Benefit;
            }
        }

        return total;
    }
}
