using System.Runtime.CompilerServices;
using System.Text.Json;
using Readiness.Api.PeerGroups;
using Readiness.Api.Readiness;
using Readiness.Api.Runs;
using Readiness.Data.BaseData;

namespace Readiness.Api.Exports;

/// <summary>
/// The export rows of one profile in one run, built once and kept with the run (a run never changes),
/// so an export request only filters and writes.
/// </summary>
internal static class ExportRows
{
    internal const string ListSeparator = " | ";

    private static readonly ConditionalWeakTable<ProfileScores, IReadOnlyDictionary<string, ExportRowDto>> Cache = [];

    /// <summary>The rows of the municipalities matching the filters, ordered by AGS.</summary>
    public static IReadOnlyList<ExportRowDto> Select(PublishedRun run, ProfileScores scores, ExportQuery query, DistrictQueries districts)
    {
        var rows = Cache.GetValue(scores, s => Build(run, s, districts));
        // The peer-group label is a text for people: in the request's language, so not part of the rows kept with the run.
        var labels = PeerGroupLabels.For(run);
        return [.. ReadinessList.Filter(run, scores, query.AsListQuery())
            .Select(e => rows[e.Row.Ags] is { PeerGroupId: { } id } row ? row with { PeerGroupLabel = labels.GetValueOrDefault(id, row.PeerGroupLabel ?? "") } : rows[e.Row.Ags])
            .OrderBy(r => r.Ags, StringComparer.Ordinal)];
    }

    private static Dictionary<string, ExportRowDto> Build(PublishedRun run, ProfileScores scores, DistrictQueries districts)
    {
        var districtNames = districts.List(null).ToDictionary(d => d.Key, d => d.Name, StringComparer.Ordinal);
        var rows = new Dictionary<string, ExportRowDto>(scores.Entries.Count, StringComparer.Ordinal);
        foreach (var entry in scores.Entries)
        {
            var row = entry.Row;
            var facts = run.BaseData.Get(row.Ags);
            var detail = JsonSerializer.Deserialize<ReadinessDto>(entry.Json, ApiJson.Options)!;
            var mentor = run.PairByMentee.TryGetValue(row.Ags, out var pair) ? pair.Pair.MentorAgs : null;
            var mentees = run.PairsByMentor[row.Ags].Select(p => p.Pair.MenteeAgs).Order(StringComparer.Ordinal).ToList();
            var peerGroup = detail.PeerGroup;
            rows[row.Ags] = new ExportRowDto(
                row.Ags, facts.Name, facts.Kind, facts.DistrictKey, districtNames.GetValueOrDefault(facts.DistrictKey, ""), facts.StateKey,
                facts.Population, facts.ForeignShare, row.Score, detail.Tier, row.Coverage,
                Pillar(detail, "structures"), Pillar(detail, "resources"), Pillar(detail, "experience"),
                row.RankDistrict, row.RankPeerGroup, row.RankAll, row.RankLow, row.RankHigh,
                detail.DataQuality, peerGroup?.Id, peerGroup?.Label,
                mentor, mentor is null ? null : run.BaseData.Get(mentor).Name,
                mentees.Count == 0 ? null : string.Join(ListSeparator, mentees),
                mentees.Count == 0 ? null : string.Join(ListSeparator, mentees.Select(m => run.BaseData.Get(m).Name)),
                run.SharedMembership.GetValueOrDefault(row.Ags)?.GroupId,
                scores.Name, run.Id, ReadinessList.PriorityOf(run, entry));
        }

        return rows;
    }

    private static double? Pillar(ReadinessDto detail, string key) => detail.Pillars.FirstOrDefault(p => p.Key == key)?.Score;
}
