using Readiness.Scoring.Geo;
using Readiness.Scoring.Model;
using Readiness.Scoring.SharedServices;

namespace Readiness.Tests.Scoring.SharedServices;

public sealed class SharedServiceGroupingTests
{
    private const string District = "09999";

    [Test]
    public void Line_OfSixPlacesWith200ForeignResidentsEach_FormsThreeGroupsOfTwo()
    {
        var places = Enumerable.Range(1, 6).Select(i => Place(i, foreign: 200)).ToList();

        var result = SharedServiceGrouping.Group(places, Chain(places));

        Assert.That(result.Groups, Has.Count.EqualTo(3));
        Assert.That(result.Groups.Select(g => g.Members.Count), Has.All.EqualTo(2));
        Assert.That(result.Groups.Select(g => g.Id), Is.EqualTo(new[] { "09999-01", "09999-02", "09999-03" }));
        Assert.That(result.Groups[0].Members, Is.EqualTo(new[] { "09999001", "09999002" }));
        Assert.That(result.Unassigned, Is.Empty);
    }

    [Test]
    public void Leftover_IsAttachedToAnAdjacentGroup_WhenTheCeilingAllows()
    {
        // 200 + 200 reach the floor; the third place (50) cannot reach it alone and joins them.
        var places = new[] { Place(1, 200), Place(2, 200), Place(3, 50) };

        var result = SharedServiceGrouping.Group(places, Chain(places));

        Assert.That(result.Groups.Single().Members, Is.EqualTo(new[] { "09999001", "09999002", "09999003" }));
    }

    [Test]
    public void Leftover_IsUnassigned_WhenTheAdjacentGroupIsAtTheCeiling()
    {
        var places = new[] { Place(1, 200), Place(2, 200), Place(3, 50) };

        var result = SharedServiceGrouping.Group(places, Chain(places), new SharedServiceOptions { MaxMembers = 2 });

        Assert.That(result.Groups.Single().Members, Is.EqualTo(new[] { "09999001", "09999002" }));
        Assert.That(result.Unassigned.Single(), Is.EqualTo(new UnassignedMunicipality("09999003", District, UnassignedReason.AdjacentGroupsFull)));
    }

    [Test]
    public void Unassigned_Reasons_ForIsolatedAndTooSmallAreas()
    {
        var isolated = Place(1, 500);
        var smallArea = new[] { Place(2, 50), Place(3, 50), Place(4, 50) };

        var result = SharedServiceGrouping.Group([isolated, .. smallArea], Chain(smallArea));

        Assert.That(result.Groups, Is.Empty);
        Assert.That(result.Unassigned.Select(u => (u.Ags, u.Reason)), Is.EqualTo(new[]
        {
            ("09999001", UnassignedReason.NoEligibleNeighbour),
            ("09999002", UnassignedReason.FloorUnreachable),
            ("09999003", UnassignedReason.FloorUnreachable),
            ("09999004", UnassignedReason.FloorUnreachable),
        }));
    }

    [Test]
    public void Unassigned_FloorBeyondCeiling_WhenOnlyMoreMembersThanAllowedReachTheFloor()
    {
        // Five places with 100 each: 500 together, but any three neighbours have only 300.
        var places = Enumerable.Range(1, 5).Select(i => Place(i, 100)).ToList();

        var result = SharedServiceGrouping.Group(places, Chain(places), new SharedServiceOptions { MaxMembers = 3 });

        Assert.That(result.Groups, Is.Empty);
        Assert.That(result.Unassigned.Select(u => u.Reason), Has.All.EqualTo(UnassignedReason.FloorBeyondCeiling));
    }

    [Test]
    public void NonEligiblePlace_NeverBridges()
    {
        var town = Place(2, 3_000) with { Population = 20_000 };
        var places = new[] { Place(1, 200), town, Place(3, 200) };

        var result = SharedServiceGrouping.Group(places, Chain(places));

        Assert.That(result.Eligible, Is.EqualTo(2));
        Assert.That(result.Groups, Is.Empty);
        Assert.That(result.Unassigned.Select(u => u.Reason), Has.All.EqualTo(UnassignedReason.NoEligibleNeighbour));
    }

    [Test]
    public void DistrictBorder_IsNotCrossed_UnlessAllowed()
    {
        var places = new[] { Place(1, 200), Place(2, 200) with { Ags = "09888002", DistrictKey = "09888" } };
        var neighbours = Chain(places);

        var kept = SharedServiceGrouping.Group(places, neighbours);
        var crossing = SharedServiceGrouping.Group(places, neighbours, new SharedServiceOptions { CrossDistricts = true });

        Assert.That(kept.Groups, Is.Empty);
        Assert.That(crossing.Groups.Single().Members, Is.EqualTo(new[] { "09888002", "09999001" }));
        Assert.That(crossing.Groups.Single().Id, Is.EqualTo("09888-01"));
    }

    [Test]
    public void Union_IsKeptTogether_EvenAtTheCostOfAGroup()
    {
        // A line 1-2-3-4 with 200 each: alone it makes {1,2} and {3,4}. With 2 and 3 in one union, they
        // stay together ({2,3} reaches the floor) and 1 and 4 attach to them: one group.
        var places = new[] { Place(1, 200), Place(2, 200, "U1"), Place(3, 200, "U1"), Place(4, 200) };

        var together = SharedServiceGrouping.Group(places, Chain(places));
        var free = SharedServiceGrouping.Group(places, Chain(places), new SharedServiceOptions { KeepUnionsTogether = false });

        Assert.That(together.Groups.Single().Members, Has.Count.EqualTo(4));
        Assert.That(together.Groups.Single().UnionKeys, Is.EqualTo(new[] { "U1" }));
        Assert.That(together.Unions, Is.EqualTo(new UnionStatistics(1, 1, 0, [], 0)).Using<UnionStatistics>(SameStatistics));
        Assert.That(free.Groups, Has.Count.EqualTo(2));
        Assert.That(free.Unions.Split, Is.EqualTo(new[] { "U1" }));
    }

    [Test]
    public void Eligibility_IsSmallPopulation_OrNoContactPerson()
    {
        var noContact = Place(1, 200) with { Population = 50_000, HasContactPerson = false };
        var unknownContact = Place(2, 200) with { Population = 50_000, HasContactPerson = null };
        var small = Place(3, 200);

        Assert.That(SharedServiceGrouping.IsEligible(noContact, new SharedServiceOptions()), Is.True);
        Assert.That(SharedServiceGrouping.IsEligible(unknownContact, new SharedServiceOptions()), Is.False);
        Assert.That(SharedServiceGrouping.IsEligible(small, new SharedServiceOptions()), Is.True);
        Assert.That(SharedServiceGrouping.IsEligible(noContact, new SharedServiceOptions { IncludeWithoutContactPerson = false }), Is.False);
    }

    [Test]
    public void Floor_CanBeReachedByPopulation_AndMissingForeignFiguresCountAsZero()
    {
        var places = new[]
        {
            Place(1, 0) with { Population = 4_000 },
            Place(2, 0) with { Population = 4_000, ForeignResidents = null },
            Place(3, 0) with { Population = 4_000 },
        };

        var group = SharedServiceGrouping.Group(places, Chain(places)).Groups.Single();

        Assert.That(group.Population, Is.EqualTo(12_000));
        Assert.That(group.FloorReachedBy, Is.EqualTo(new[] { "population" }));
        Assert.That(group.ForeignResidentsComplete, Is.False);
        Assert.That(group.SuggestedOffers.Select(o => o.Key), Does.Not.Contain(SharedOffers.JointCourses));
    }

    [Test]
    public void MissingStructures_AreThoseNoMemberHas_AndOffersFollow()
    {
        var a = Place(1, 200, has: [Structures.ContactPerson, Structures.Network, Structures.IntegrationConcept, Structures.CouncilResolution, Structures.IntermunicipalExchange]);
        var b = Place(2, 200, has: [Structures.PaidStaff]) with
        {
            Structures = Structures.All.ToDictionary(s => s, s => s == Structures.PaidStaff ? true : s == Structures.MigrantCouncil ? null : (bool?)false),
        };

        var group = SharedServiceGrouping.Group([a, b], Chain([a, b])).Groups.Single();

        Assert.That(group.MissingStructures, Is.EqualTo(new[] { Structures.VolunteerCoordination, Structures.MigrantCouncil }));
        Assert.That(group.UnconfirmedMissingStructures, Is.EqualTo(new[] { Structures.MigrantCouncil }));
        Assert.That(group.SuggestedOffers.Select(o => o.Key), Is.EqualTo(new[]
        {
            SharedOffers.JointVolunteerCoordination, SharedOffers.JointMigrantCouncil, SharedOffers.JointCourses,
        }));
        Assert.That(group.ForeignResidents, Is.EqualTo(400));
        Assert.That(group.FloorReachedBy, Is.EqualTo(new[] { "foreignResidents" }));
    }

    [Test]
    public void Options_OutOfRange_AreRejectedByName()
    {
        var error = Assert.Throws<ArgumentException>(() => SharedServiceGrouping.Group([], [], new SharedServiceOptions { MinMembers = 5, MaxMembers = 3 }));
        Assert.That(error!.ParamName, Is.EqualTo(nameof(SharedServiceOptions.MaxMembers)));
        error = Assert.Throws<ArgumentException>(() => SharedServiceGrouping.Group([], [], new SharedServiceOptions { FloorForeignResidents = null, FloorPopulation = null }));
        Assert.That(error!.Message, Does.Contain("floor"));
    }

    private static bool SameStatistics(UnionStatistics a, UnionStatistics b) =>
        a.Unions == b.Unions && a.Together == b.Together && a.AllUnassigned == b.AllUnassigned
        && a.Split.SequenceEqual(b.Split) && a.SplitBecauseDisconnected == b.SplitBecauseDisconnected;

    internal static SharedServiceMunicipality Place(int number, double foreign, string? union = null, string[]? has = null)
    {
        var set = (has ?? []).ToHashSet();
        var structures = Structures.All.ToDictionary(s => s, s => (bool?)set.Contains(s), StringComparer.Ordinal);
        return new SharedServiceMunicipality(
            $"{District}{number:D3}", $"P{number}", District, new GeoPoint(48, 11 + number * 0.05), 1_000, foreign, union, true, structures);
    }

    /// <summary>Shared borders between consecutive places, both ways.</summary>
    internal static List<Neighbour> Chain(IReadOnlyList<SharedServiceMunicipality> places) =>
        [.. places.Zip(places.Skip(1)).SelectMany(p => new[]
        {
            new Neighbour(p.First.Ags, p.Second.Ags, NeighbourSource.Boundary, 1000, null, 4),
            new Neighbour(p.Second.Ags, p.First.Ags, NeighbourSource.Boundary, 1000, null, 4),
        })];
}
