using System.Runtime.CompilerServices;
using Readiness.Api.Localization;
using Readiness.Api.PeerGroups;
using Readiness.Api.Runs;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Readiness;

/// <summary>Filters and sorting of the readiness ranking.</summary>
public sealed record ReadinessListQuery
{
    internal static readonly string[] Sorts = ["score", "-score", "name", "-name", "coverage", "-coverage", "priority", "-priority"];

    [Description("Two-digit state key, e.g. 09 for Bavaria.")]
    public string? State { get; init; }

    [Description("Five-digit district key, e.g. 09188.")]
    public string? District { get; init; }

    [Description("Tier: starting, developing, established, experienced or insufficient-data.")]
    public string? Tier { get; init; }

    [Description("Peer group id (see GET /api/v1/peer-groups).")]
    public int? PeerGroup { get; init; }

    [Description("Scoring profile; default `default`.")]
    public string? Profile { get; init; }

    [Description("Read this earlier published run instead of the current one.")]
    public long? Run { get; init; }

    [Description("score, name, coverage or priority; prefix - for descending. Default -score (most ready first; unscored last); -priority: where support matters most first.")]
    public string? Sort { get; init; }

    [Description("Page number, from 1. Default 1.")]
    public int? Page { get; init; }

    [Description("Items per page, 1..500. Default 50.")]
    public int? PageSize { get; init; }

    internal void Validate(Dictionary<string, string[]> errors, BaseDataCache? baseData)
    {
        if (State is not null && (!AgsFormat.IsStateKey(State) || (baseData is not null && !baseData.Snapshot.Municipalities.Any(m => m.StateKey == State))))
        {
            errors["state"] = [AreaFilters.StateMessage(State)];
        }

        if (District is not null && (!AgsFormat.IsDistrictKey(District) || (baseData is not null && !baseData.Snapshot.Municipalities.Any(m => m.DistrictKey == District))))
        {
            errors["district"] = [AreaFilters.DistrictMessage(District)];
        }

        if (Tier is not null && !TierNames.TryParse(Tier, out _))
        {
            errors["tier"] = [Texts.Format("Problem.Tier", Tier, string.Join(", ", TierNames.WireNames))];
        }

        if (Sort is not null && !Sorts.Contains(Sort))
        {
            errors["sort"] = [Texts.Format("Problem.Sort", Sort, "score, name, coverage, priority")];
        }
    }
}

/// <summary>The ranking list, served from the published run in memory.</summary>
internal static class ReadinessList
{
    private static readonly ConditionalWeakTable<ProfileScores, Totals> TotalsCache = [];

    public static List<ScoreEntry> Filter(PublishedRun run, ProfileScores scores, ReadinessListQuery query)
    {
        IEnumerable<ScoreEntry> entries = scores.Entries;
        if (query.State is { } state)
        {
            entries = entries.Where(e => run.BaseData.Get(e.Row.Ags).StateKey == state);
        }

        if (query.District is { } district)
        {
            entries = entries.Where(e => run.BaseData.Get(e.Row.Ags).DistrictKey == district);
        }

        if (query.Tier is { } tier)
        {
            entries = entries.Where(e => e.Row.Tier == tier);
        }

        if (query.PeerGroup is { } group)
        {
            entries = entries.Where(e => run.PeerGroupOf.TryGetValue(e.Row.Ags, out var id) && id == group);
        }

        var sort = query.Sort ?? "-score";
        var descending = sort.StartsWith('-');
        // Unscored municipalities come last in either direction; the AGS breaks ties so pages are stable.
        var ordered = sort.TrimStart('-') switch
        {
            "name" => descending
                ? entries.OrderByDescending(e => run.BaseData.Get(e.Row.Ags).Name, StringComparer.CurrentCulture)
                : entries.OrderBy(e => run.BaseData.Get(e.Row.Ags).Name, StringComparer.CurrentCulture),
            "coverage" => descending ? entries.OrderByDescending(e => e.Row.Coverage) : entries.OrderBy(e => e.Row.Coverage),
            // Need first (-priority): where support matters most; municipalities without a priority come last.
            "priority" => descending
                ? entries.OrderBy(e => PriorityOf(run, e) is null).ThenByDescending(e => PriorityOf(run, e))
                : entries.OrderBy(e => PriorityOf(run, e) is null).ThenBy(e => PriorityOf(run, e)),
            _ => descending
                ? entries.OrderBy(e => e.Row.Score is null).ThenByDescending(e => e.Row.Score)
                : entries.OrderBy(e => e.Row.Score is null).ThenBy(e => e.Row.Score),
        };
        return [.. ordered.ThenBy(e => e.Row.Ags, StringComparer.Ordinal)];
    }

    /// <summary>Handlungsbedarf: foreign residents × (1 − score/100), from the base data and the stored score (see docs/scoring.md).</summary>
    public static double? PriorityOf(PublishedRun run, ScoreEntry entry) =>
        Priority.Of(run.BaseData.Get(entry.Row.Ags), entry.Row.Score) is { } p ? Math.Round(p, 1) : null;

    public static ReadinessSummaryDto Summary(PublishedRun run, ScoreEntry entry)
    {
        var row = entry.Row;
        var facts = run.BaseData.Get(row.Ags);
        var totals = TotalsCache.GetValue(run.ProfileScores(row.Profile)!, scores => Totals.From(run, scores));
        var peerKey = Totals.PeerKey(run, row.Ags, facts.DistrictKey);
        var peerGroup = run.PeerGroupOf.TryGetValue(row.Ags, out var id) ? new PeerGroupRefDto(id, PeerGroupLabels.Of(run, id)) : null;
        return new ReadinessSummaryDto(
            row.Ags, facts.Name, facts.DistrictKey, row.Score, TierNames.Parse(row.Tier),
            row.Coverage,
            new RankDto(row.RankDistrict, row.RankPeerGroup, row.RankAll,
                totals.ByDistrict.GetValueOrDefault(facts.DistrictKey), totals.ByPeer.GetValueOrDefault(peerKey), totals.All),
            row.RankLow is { } low && row.RankHigh is { } high ? new RankIntervalDto(low, high, row.RankMedian ?? low) : null,
            peerGroup,
            DataQualities.Parse(row.DataQuality),
            PriorityOf(run, entry))
        {
            TierLabel = Localization.Labels.Tier(row.Tier),
        };
    }

    public static DataQualityDto Quality(IReadOnlyCollection<ScoreEntry> entries) => DataQualities.Of(entries.Select(e => e.Row.DataQuality));

    private sealed class Totals
    {
        public int All { get; private set; }

        public Dictionary<string, int> ByDistrict { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ByPeer { get; } = new(StringComparer.Ordinal);

        public static string PeerKey(PublishedRun run, string ags, string districtKey) =>
            run.PeerGroupOf.TryGetValue(ags, out var id) ? $"g{id}" : $"d{districtKey}";

        public static Totals From(PublishedRun run, ProfileScores scores)
        {
            var totals = new Totals();
            foreach (var entry in scores.Entries.Where(e => e.Row.RankAll is not null))
            {
                var district = run.BaseData.Get(entry.Row.Ags).DistrictKey;
                totals.All++;
                totals.ByDistrict[district] = totals.ByDistrict.GetValueOrDefault(district) + 1;
                var peer = PeerKey(run, entry.Row.Ags, district);
                totals.ByPeer[peer] = totals.ByPeer.GetValueOrDefault(peer) + 1;
            }

            return totals;
        }
    }
}
