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
        Assert.That(result.Groups.Select(g => g.Members.Count), Is.Not.Empty.And.All.EqualTo(2));
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
        Assert.That(result.Unassigned.Select(u => u.Reason), Is.Not.Empty.And.All.EqualTo(UnassignedReason.FloorBeyondCeiling));
    }

    [Test]
    public void NonEligiblePlace_NeverBridges()
    {
        var town = Place(2, 3_000) with { Population = 20_000 };
        var places = new[] { Place(1, 200), town, Place(3, 200) };

        var result = SharedServiceGrouping.Group(places, Chain(places));

        Assert.That(result.Eligible, Is.EqualTo(2));
        Assert.That(result.Groups, Is.Empty);
        Assert.That(result.Unassigned.Select(u => u.Reason), Is.Not.Empty.And.All.EqualTo(UnassignedReason.NoEligibleNeighbour));
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
    public void Eligibility_IsSmallPopulation_Only_ABigTownWithoutContactPersonIsNoMember()
    {
        var noContact = Place(1, 200) with { Population = 50_000, HasContactPerson = false };
        var small = Place(3, 200);

        Assert.That(SharedServiceGrouping.IsEligible(noContact, new SharedServiceOptions()), Is.False);
        Assert.That(SharedServiceGrouping.IsEligible(small, new SharedServiceOptions()), Is.True);
    }

    [Test]
    public void BigTown_NeverMakesAGroupEligible_AndJoinsOnlyAsHostForWhatItHas()
    {
        // A small place (150 foreign residents) next to a town of 62,000: together far over the floor, but the
        // town is no member, so there is no group.
        var town = Place(1, 9_000, has: [Structures.ContactPerson]) with { Population = 62_000 };
        var small = Place(2, 150);

        var alone = SharedServiceGrouping.Group([town, small], Chain([town, small]));

        Assert.That(alone.Groups, Is.Empty);
        Assert.That(alone.Unassigned.Select(u => u.Ags), Is.EqualTo(new[] { "09999002" }));

        // Two small places that make a group on their own: the town next to them hosts its contact person.
        var second = Place(3, 300);
        var withGroup = SharedServiceGrouping.Group([town, small, second], Chain([town, small, second]));

        var group = withGroup.Groups.Single();
        Assert.That(group.Members, Is.EqualTo(new[] { "09999002", "09999003" }));
        Assert.That(group.Hosts, Is.EqualTo(new[] { new GroupHost("09999001", [Structures.ContactPerson]) }).Using<GroupHost>((x, y) => x.Ags == y.Ags && x.Structures.SequenceEqual(y.Structures)));
        var contact = group.SuggestedOffers.Single(o => o.Because.SequenceEqual([Structures.ContactPerson]));
        Assert.That((contact.Kind, contact.HostAgs), Is.EqualTo((OfferKind.Host, "09999001")));
        Assert.That(contact.For, Is.EqualTo(new[] { "09999002", "09999003" }));
        Assert.That(group.Population, Is.EqualTo(2_000), "the host does not count towards the group");
    }

    [Test]
    public void Offers_HostWhenAMemberHasIt_JointWhenTwoLackIt_NoneForASingleGap()
    {
        // Paid staff: all three lack it → a joint post. Network: A has it, B and C lack it → A hosts. Migrant council:
        // only C lacks it, A and B have it → the larger (tie: lower AGS) hosts. Concept: B did not answer, C (the
        // largest) hosts. Council resolution and exchange: only A lacks them, and they cannot be hosted → no offer.
        var a = Place(1, 200, has: [Structures.ContactPerson, Structures.Network, Structures.MigrantCouncil, Structures.IntegrationConcept]);
        var b = Place(2, 200, has: [Structures.ContactPerson, Structures.MigrantCouncil, Structures.CouncilResolution, Structures.IntermunicipalExchange, Structures.VolunteerCoordination]);
        var c = Place(3, 200, has: [Structures.ContactPerson, Structures.IntegrationConcept, Structures.CouncilResolution, Structures.IntermunicipalExchange, Structures.VolunteerCoordination]) with { Population = 3_000 };
        var noConcept = new[] { a, b with { Structures = b.Structures.ToDictionary(kv => kv.Key, kv => kv.Key == Structures.IntegrationConcept ? null : kv.Value) }, c };

        var group = SharedServiceGrouping.Group(noConcept, Chain(noConcept)).Groups.Single();

        var offers = group.SuggestedOffers.Where(o => o.Kind != OfferKind.Courses).ToDictionary(o => o.Because.Single());
        Assert.That(offers.Keys, Is.EquivalentTo(new[] { Structures.PaidStaff, Structures.Network, Structures.VolunteerCoordination, Structures.MigrantCouncil, Structures.IntegrationConcept }));
        Assert.That(offers[Structures.PaidStaff].Kind, Is.EqualTo(OfferKind.Joint));
        Assert.That(offers[Structures.PaidStaff].For, Is.EqualTo(new[] { "09999001", "09999002", "09999003" }));
        Assert.That((offers[Structures.Network].Kind, offers[Structures.Network].HostAgs), Is.EqualTo((OfferKind.Host, "09999001")));
        Assert.That((offers[Structures.MigrantCouncil].Kind, offers[Structures.MigrantCouncil].HostAgs, offers[Structures.MigrantCouncil].For!.Single()), Is.EqualTo((OfferKind.Host, "09999001", "09999003")));
        Assert.That(offers[Structures.IntegrationConcept].HostAgs, Is.EqualTo("09999003"), "the largest member that has it hosts");
        Assert.That(offers[Structures.IntegrationConcept].Unconfirmed, Is.EqualTo(new[] { "09999002" }));
        Assert.That(group.SuggestedOffers.Any(o => o.Because.Contains(Structures.ContactPerson)), Is.False, "nobody lacks a contact person");
    }

    [Test]
    public void Offers_SingleGapWithoutAnyoneHavingIt_IsNoSharedOffer()
    {
        var a = Place(1, 200, has: [.. Structures.All.Where(s => s != Structures.Network)]);
        var b = Place(2, 200, has: [.. Structures.All]);
        var c = Place(3, 200, has: [.. Structures.All.Where(s => s != Structures.CouncilResolution)]);

        var group = SharedServiceGrouping.Group([a, b, c], Chain([a, b, c])).Groups.Single();

        Assert.That(group.SuggestedOffers.Single(o => o.Because.Contains(Structures.Network)).HostAgs, Is.EqualTo("09999002"));
        Assert.That(group.SuggestedOffers.Any(o => o.Because.Contains(Structures.CouncilResolution)), Is.False, "one member alone lacking a resolution is not a shared offer");
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
    public void MissingStructures_AreThoseNoMemberHas_AndOffersFollowWhatMembersLack()
    {
        var a = Place(1, 200, has: [Structures.ContactPerson, Structures.Network, Structures.IntegrationConcept, Structures.CouncilResolution, Structures.IntermunicipalExchange]);
        var b = Place(2, 200, has: [Structures.PaidStaff]) with
        {
            Structures = Structures.All.ToDictionary(s => s, s => s == Structures.PaidStaff ? true : s == Structures.MigrantCouncil ? null : (bool?)false),
        };

        var group = SharedServiceGrouping.Group([a, b], Chain([a, b])).Groups.Single();

        Assert.That(group.MissingStructures, Is.EqualTo(new[] { Structures.VolunteerCoordination, Structures.MigrantCouncil }));
        Assert.That(group.UnconfirmedMissingStructures, Is.EqualTo(new[] { Structures.MigrantCouncil }));
        Assert.That(group.SuggestedOffers.Select(o => (o.Key, o.Kind, o.HostAgs)), Is.EqualTo(new (string, OfferKind, string?)[]
        {
            (SharedOffers.JointContactPoint, OfferKind.Host, "09999001"),
            (SharedOffers.SharedIntegrationStaff, OfferKind.Host, "09999002"),
            (SharedOffers.JointNetwork, OfferKind.Host, "09999001"),
            (SharedOffers.JointVolunteerCoordination, OfferKind.Joint, null),
            (SharedOffers.JointMigrantCouncil, OfferKind.Joint, null),
            (SharedOffers.JointIntegrationConcept, OfferKind.Host, "09999001"),
            (SharedOffers.JointCourses, OfferKind.Courses, null),
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
