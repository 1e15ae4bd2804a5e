using System.Text.Json;
using Readiness.Api.Infrastructure;
using Readiness.Api.Runs;
using Readiness.Data.Runs;
using Readiness.Scoring.SharedServices;

namespace Readiness.Tests.Api.Runs;

public sealed class SharedGroupChangesTests
{
    private static SharedGroupRecord Group(string id, string[] members, params SuggestedOffer[] offers) =>
        new(id, id[..5], JsonSerializer.Serialize(
            new SharedServiceGroup(id, id[..5], members, 5000, 500, true, ["foreignResidents"], [], [], [], offers), ApiJson.Options));

    private static SuggestedOffer Offer(string key, string? host = null) =>
        new(key, key, ["contactPerson"], host is null ? OfferKind.Joint : OfferKind.Host, host);

    // Hand-made: a group keeps its members but gains a host offer and loses the joint one; one group splits off a member
    // that joins a new neighbour group; one group disappears. Ids are renumbered in the later run, as runs do.
    [Test]
    public void Between_FollowsGroupsByMembers_AndNamesWhatChanged()
    {
        var earlier = new[]
        {
            Group("09188-01", ["09188111", "09188112", "09188113"], Offer("joint-contact-point")),
            Group("09188-02", ["09188121", "09188122", "09188123"], Offer("joint-courses")),
            Group("09188-03", ["09188131", "09188132"], Offer("joint-courses")),
            Group("09190-01", ["09190111", "09190112"], Offer("joint-courses")),
        };
        var later = new[]
        {
            Group("09188-01", ["09188121", "09188122"], Offer("joint-courses")),
            Group("09188-02", ["09188111", "09188112", "09188113"], Offer("contact-person-host", "09188112")),
            Group("09188-03", ["09188123", "09188141", "09188142"], Offer("joint-courses")),
            Group("09190-01", ["09190111", "09190112"], Offer("joint-courses")),
        };

        var changes = SharedGroupChanges.Between(earlier, later).ToDictionary(c => c.GroupId ?? "dissolved " + c.EarlierGroupId);

        Assert.That(changes.Keys, Is.EquivalentTo(new[] { "09188-01", "09188-02", "09188-03", "dissolved 09188-03" }), "09190-01 did not change");
        var offers = changes["09188-02"];
        Assert.That((offers.Change, offers.EarlierGroupId), Is.EqualTo((SharedGroupChangeKind.Changed, "09188-01")));
        Assert.That(offers.OffersAdded, Is.EqualTo(new[] { "contact-person-host@09188112" }));
        Assert.That(offers.OffersRemoved, Is.EqualTo(new[] { "joint-contact-point" }));
        Assert.That(offers.MembersJoined.Concat(offers.MembersLeft), Is.Empty);
        var split = changes["09188-01"];
        Assert.That((split.Change, split.EarlierGroupId), Is.EqualTo((SharedGroupChangeKind.Changed, "09188-02")));
        Assert.That(split.MembersLeft, Is.EqualTo(new[] { "09188123" }));
        var formed = changes["09188-03"];
        Assert.That(formed.Change, Is.EqualTo(SharedGroupChangeKind.Formed), "its one earlier member belonged to a group that is matched elsewhere");
        Assert.That(formed.MembersJoined, Is.EqualTo(new[] { "09188123", "09188141", "09188142" }));
        Assert.That(changes["dissolved 09188-03"].Members, Is.EqualTo(new[] { "09188131", "09188132" }));
    }
}
