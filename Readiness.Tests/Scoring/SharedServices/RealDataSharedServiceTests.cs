using System.Diagnostics;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.SharedServices;
using Readiness.Tests.Scoring.Pairing;

namespace Readiness.Tests.Scoring.SharedServices;

/// <summary>Shared-service groups on the real Bavarian places; contact persons are a seeded stand-in.</summary>
public sealed class RealDataSharedServiceTests
{
    [Test]
    public void Bavaria_Groups_AreConnected_OverTheFloor_UnderTheCeiling_WithinTheirDistrict()
    {
        var data = StandInInputs.Bavaria;
        var places = StandInInputs.ForSharedServices(data, seed: 11);
        var options = new SharedServiceOptions();
        SharedServiceGrouping.Group(places, data.Neighbours, options); // warm-up

        var watch = Stopwatch.StartNew();
        var result = SharedServiceGrouping.Group(places, data.Neighbours, options);
        watch.Stop();

        var byAgs = places.ToDictionary(p => p.Ags);
        var adjacent = data.Neighbours.ToLookup(n => n.Ags, n => n.NeighbourAgs);
        var members = result.Groups.SelectMany(g => g.Members).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(members, Is.Unique, "no municipality in two groups");
            Assert.That(members.All(m => SharedServiceGrouping.IsEligible(byAgs[m], options)), "only eligible members");
            Assert.That(result.Unassigned.Select(u => u.Ags).Intersect(members), Is.Empty);
            Assert.That(members.Count + result.Unassigned.Count, Is.EqualTo(result.Eligible), "every eligible place is accounted for");
            foreach (var group in result.Groups)
            {
                var foreign = group.Members.Sum(m => byAgs[m].ForeignResidents ?? 0);
                var population = group.Members.Sum(m => byAgs[m].Population);
                Assert.That(foreign >= 400 || population >= 10_000, $"{group.Id} reaches the floor");
                Assert.That(group.Members, Has.Count.InRange(2, 8), $"{group.Id} within the ceiling");
                Assert.That(group.Members.Select(m => byAgs[m].DistrictKey).Distinct().Count(), Is.EqualTo(1), $"{group.Id} in one district");
                Assert.That(IsConnected(group.Members, adjacent), $"{group.Id} is contiguous");
            }
        });

        // Must-link: a union is only ever split where its eligible members do not touch or exceed the ceiling.
        var unions = places.Where(p => p.UnionKey is not null && SharedServiceGrouping.IsEligible(p, options))
            .GroupBy(p => p.UnionKey!).ToDictionary(g => g.Key, g => g.Select(p => p.Ags).ToList());
        var splitOversize = result.Unions.Split.Count(u => unions[u].Count > options.MaxMembers);
        Assert.That(result.Unions.Split.Where(u => unions[u].Count <= options.MaxMembers && IsConnected(unions[u], adjacent)), Is.Empty,
            "no union whose eligible members touch and fit in a group is split");

        TestContext.Out.WriteLine(
            $"Bavaria shared services: {result.Eligible} eligible, {result.Groups.Count} groups, {members.Count} grouped, " +
            $"{result.Unassigned.Count} unassigned ({string.Join(", ", result.Unassigned.CountBy(u => u.Reason).Select(c => $"{c.Key} {c.Value}"))}); " +
            $"mean size {members.Count / (double)result.Groups.Count:F2}; unions: {result.Unions.Unions} with 2+ eligible members, " +
            $"{result.Unions.Together} together, {result.Unions.AllUnassigned} all unassigned, {result.Unions.Split.Count} split " +
            $"({result.Unions.SplitBecauseDisconnected} disconnected, {splitOversize} over the ceiling); {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Test]
    public void Bavaria_Groups_AreDeterministic_WhateverTheInputOrder()
    {
        var data = StandInInputs.Bavaria;
        var places = StandInInputs.ForSharedServices(data, seed: 11);

        var first = SharedServiceGrouping.Group(places, data.Neighbours);
        var second = SharedServiceGrouping.Group([.. places.AsEnumerable().Reverse()], [.. data.Neighbours.Reverse()]);

        Assert.That(second.Groups.Select(g => $"{g.Id}:{string.Join(",", g.Members)}"),
            Is.EqualTo(first.Groups.Select(g => $"{g.Id}:{string.Join(",", g.Members)}")));
        Assert.That(second.Unassigned, Is.EqualTo(first.Unassigned));
    }

    [Test]
    public void Germany_PairingAndGrouping_Timings()
    {
        var data = StandInInputs.Germany;
        var pairingInput = StandInInputs.ForPairing(data, seed: 7);
        var groupingInput = StandInInputs.ForSharedServices(data, seed: 11);
        MentorAssignment.Solve(pairingInput, data.Neighbours);
        SharedServiceGrouping.Group(groupingInput, data.Neighbours);

        var watch = Stopwatch.StartNew();
        var pairs = MentorAssignment.Solve(pairingInput, data.Neighbours);
        var pairing = watch.Elapsed;
        var groups = SharedServiceGrouping.Group(groupingInput, data.Neighbours);
        var total = watch.Elapsed;

        Assert.That(groups.Groups.SelectMany(g => g.Members), Is.Unique);
        var byState = groups.Unassigned.CountBy(u => u.Ags[..2]).OrderByDescending(c => c.Value).Take(4);
        TestContext.Out.WriteLine($"Germany unassigned by state: {string.Join(", ", byState.Select(c => $"{c.Key}: {c.Value}"))}");
        TestContext.Out.WriteLine(
            $"Germany: pairing {pairing.TotalMilliseconds:F0} ms ({pairs.Statistics.Mentees} mentees, {pairs.Statistics.Mentors} mentors, " +
            $"{pairs.Statistics.CandidatePairs} candidate pairs, {pairs.Pairs.Count} pairs); grouping {(total - pairing).TotalMilliseconds:F0} ms " +
            $"({groups.Eligible} eligible, {groups.Groups.Count} groups, {groups.Unassigned.Count} unassigned: " +
            $"{string.Join(", ", groups.Unassigned.CountBy(u => u.Reason).Select(c => $"{c.Key} {c.Value}"))}); together {total.TotalMilliseconds:F0} ms");
    }

    private static bool IsConnected(IReadOnlyList<string> members, ILookup<string, string> adjacent)
    {
        var set = members.ToHashSet();
        var seen = new HashSet<string> { members[0] };
        var stack = new Stack<string>(seen);
        while (stack.Count > 0)
        {
            foreach (var next in adjacent[stack.Pop()])
            {
                if (set.Contains(next) && seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen.Count == set.Count;
    }
}
