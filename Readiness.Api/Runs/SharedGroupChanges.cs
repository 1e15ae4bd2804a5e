using System.Text.Json;
using Readiness.Data.Runs;
using Readiness.Scoring.SharedServices;

namespace Readiness.Api.Runs;

/// <summary>
/// How the shared-service groups moved from one run to another. Group ids are numbered per run, so a group is
/// followed by its members: the earlier and the later group that share the most members (within a district) are
/// the same group, matched greedily from the largest overlap down. A matched pair with other members or other
/// offers has changed; a later group without a match was formed, an earlier one without a match was dissolved.
/// </summary>
internal static class SharedGroupChanges
{
    public static List<SharedGroupChangeDto> Between(IReadOnlyList<SharedGroupRecord> earlierRows, IReadOnlyList<SharedGroupRecord> laterRows)
    {
        var earlier = earlierRows.Select(Read).ToList();
        var later = laterRows.Select(Read).ToList();
        var overlaps = (
            from e in earlier
            from l in later
            where e.DistrictKey == l.DistrictKey
            let shared = e.Members.Intersect(l.Members, StringComparer.Ordinal).Count()
            where shared > 0
            orderby shared descending, e.Id, l.Id
            select (Earlier: e, Later: l)).ToList();

        var matchedEarlier = new HashSet<string>(StringComparer.Ordinal);
        var matchedLater = new HashSet<string>(StringComparer.Ordinal);
        var changes = new List<SharedGroupChangeDto>();
        foreach (var (e, l) in overlaps)
        {
            if (matchedEarlier.Contains(e.Id) || matchedLater.Contains(l.Id))
            {
                continue;
            }

            matchedEarlier.Add(e.Id);
            matchedLater.Add(l.Id);
            var (offersE, offersL) = (Offers(e), Offers(l));
            if (e.Members.SequenceEqual(l.Members, StringComparer.Ordinal) && offersE.SetEquals(offersL))
            {
                continue;
            }

            changes.Add(new SharedGroupChangeDto(SharedGroupChangeKind.Changed, l.Id, e.Id, l.DistrictKey, l.Members,
                [.. l.Members.Except(e.Members, StringComparer.Ordinal)], [.. e.Members.Except(l.Members, StringComparer.Ordinal)],
                [.. offersL.Except(offersE).Order()], [.. offersE.Except(offersL).Order()]));
        }

        changes.AddRange(later.Where(l => !matchedLater.Contains(l.Id)).Select(l =>
            new SharedGroupChangeDto(SharedGroupChangeKind.Formed, l.Id, null, l.DistrictKey, l.Members, l.Members, [], [.. Offers(l).Order()], [])));
        changes.AddRange(earlier.Where(e => !matchedEarlier.Contains(e.Id)).Select(e =>
            new SharedGroupChangeDto(SharedGroupChangeKind.Dissolved, null, e.Id, e.DistrictKey, e.Members, [], e.Members, [], [.. Offers(e).Order()])));
        return [.. changes.OrderBy(c => c.DistrictKey, StringComparer.Ordinal).ThenBy(c => c.GroupId ?? c.EarlierGroupId, StringComparer.Ordinal)];
    }

    private static SharedServiceGroup Read(SharedGroupRecord row) => JsonSerializer.Deserialize<SharedServiceGroup>(row.Detail, ApiJson.Options)!;

    /// <summary>An offer by what it is and who hosts it: "joint-contact-point", or "contact-person-host@09188117" for a host offer.</summary>
    private static HashSet<string> Offers(SharedServiceGroup group) =>
        [.. group.SuggestedOffers.Select(o => o.HostAgs is null ? o.Key : $"{o.Key}@{o.HostAgs}")];
}
