using Readiness.Scoring.SharedServices;
using static Readiness.Tests.Scoring.SharedServices.SharedServiceGroupingTests;

namespace Readiness.Tests.Scoring.SharedServices;

public sealed class RegionImprovementTests
{
    [Test]
    public void Attach_MakesRoom_WhenAFullGroupCanPassAMemberOn()
    {
        // Ceiling 3, floor 400. {1,2,3} is full, {4,5} has one place left, 6 touches only 3.
        // Group {1,2,3} still reaches the floor without 1 (300 + 100), and 1 borders 4: so 1 moves
        // to {4,5} and 6 takes its place.
        var places = new[] { Place(1, 20), Place(2, 300), Place(3, 100), Place(4, 300), Place(5, 100), Place(6, 20) };
        var neighbours = Chain([places[0], places[1], places[2], places[5]])
            .Concat(Chain([places[3], places[4]]))
            .Concat(Chain([places[0], places[3]]))
            .ToList();
        var options = new SharedServiceOptions { MaxMembers = 3 };
        var graph = UnitGraph.Build(places, neighbours, options);
        var partition = new Partition(graph, new FloorRule(options), [0, 1, 2, 3, 4, 5]);
        var full = partition.Create();
        foreach (var unit in new[] { 0, 1, 2 })
        {
            partition.Add(full, unit);
        }

        var roomy = partition.Create();
        partition.Add(roomy, 3);
        partition.Add(roomy, 4);

        RegionImprovement.Attach(partition);

        Assert.That(full.Units.Order(), Is.EqualTo(new[] { 1, 2, 5 }));
        Assert.That(roomy.Units.Order(), Is.EqualTo(new[] { 0, 3, 4 }));
    }

    [Test]
    public void Split_TurnsAGroupThatCanCarryTwoIntoTwo()
    {
        var places = Enumerable.Range(1, 4).Select(i => Place(i, 200)).ToList();
        var options = new SharedServiceOptions();
        var graph = UnitGraph.Build(places, Chain(places), options);
        var partition = new Partition(graph, new FloorRule(options), [0, 1, 2, 3]);
        var region = partition.Create();
        foreach (var unit in new[] { 0, 1, 2, 3 })
        {
            partition.Add(region, unit);
        }

        RegionImprovement.Split(partition);

        Assert.That(partition.Regions.Select(r => r.Units.Order().ToArray()).OrderBy(u => u[0]), Is.EqualTo(new[] { new[] { 0, 1 }, new[] { 2, 3 } }));
    }

    [Test]
    public void Compact_MovesAUnitToTheNearerGroup_KeepingFloorAndContiguity()
    {
        // Six places evenly on a line, {1,2,3,4} and {5,6}: 4 is as near to 5 as to 3, and moving it
        // makes two groups of three, which are more compact (inertia 2 + 2 instead of 5 + 0.5, in
        // squared spacings) and both still reach the floor.
        var places = Enumerable.Range(1, 6).Select(i => Place(i, 200)).ToList();
        var options = new SharedServiceOptions();
        var graph = UnitGraph.Build(places, Chain(places), options);
        var partition = new Partition(graph, new FloorRule(options), [0, 1, 2, 3, 4, 5]);
        var left = partition.Create();
        foreach (var unit in new[] { 0, 1, 2, 3 })
        {
            partition.Add(left, unit);
        }

        var right = partition.Create();
        partition.Add(right, 4);
        partition.Add(right, 5);

        RegionImprovement.Compact(partition);

        Assert.That(left.Units.Order(), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(right.Units.Order(), Is.EqualTo(new[] { 3, 4, 5 }));
    }
}
