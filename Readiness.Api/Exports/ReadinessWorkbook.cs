using System.Globalization;
using System.Text.Json;
using Readiness.Api.Localization;
using Readiness.Api.Pairing;
using Readiness.Api.Readiness;
using Readiness.Api.Runs;
using Readiness.Api.SharedServices;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Exports;

/// <summary>
/// The readiness export for spreadsheet users (<c>GET /api/v1/export/readiness.xlsx</c>), in the request's language:
/// an overview (source, run, date, profile, filters, the illustrative-data warning), then Gemeinden, Patenschaften,
/// Kooperationsräume and Empfehlungen for the municipalities the filters select. AGS and keys are text cells.
/// </summary>
internal static class ReadinessWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(ServedRun served, IReadOnlyList<ExportRowDto> rows, string scope, DateTimeOffset now)
    {
        var run = served.Run;
        var selected = rows.Select(r => r.Ags).ToHashSet(StringComparer.Ordinal);
        var illustrative = rows.Any(r => r.DataQuality == DataQualityDto.Illustrative);
        return Spreadsheet.Write(
        [
            Overview(served, rows, scope, now, illustrative),
            Municipalities(rows),
            Pairs(run, selected),
            Groups(run, selected),
            Recommendations(served.Scores, rows),
        ]);
    }

    private static Sheet Overview(ServedRun served, IReadOnlyList<ExportRowDto> rows, string scope, DateTimeOffset now, bool illustrative)
    {
        var run = served.Run.Run;
        var lines = new List<object?[]>
        {
            new object?[] { H("Source"), Texts.Get("Xlsx.SourceText") },
            new object?[] { H("Run"), served.Run.IdText },
            new object?[] { H("RunDate"), Date(run.PublishedAt ?? run.FinishedAt ?? run.StartedAt) },
            new object?[] { H("Created"), Date(now) },
            new object?[] { H("Profile"), served.Profile },
            new object?[] { H("Scope"), scope },
            new object?[] { H("Count"), rows.Count.ToString(Texts.Culture) },
            new object?[] { H("DataQuality"), Labels.Quality(WireNames.Of(DataQualities.Of(rows.Select(r => WireNames.Of(r.DataQuality))))) },
        };
        if (illustrative)
        {
            lines.Add([H("Warning"), Texts.Get("IllustrativeWarning")]);
        }

        lines.Add([H("Attribution"), Texts.Get("Xlsx.AttributionText")]);
        return new Sheet(Texts.Get("Xlsx.Sheet.Overview"), [new(H("Item"), CellKind.Text), new(H("Value"), CellKind.LongText)], lines, Table: false);
    }

    private static Sheet Municipalities(IReadOnlyList<ExportRowDto> rows) => new(
        Texts.Get("Xlsx.Sheet.Municipalities"),
        [
            new(H("Ags"), CellKind.Text), new(H("Name"), CellKind.Text), new(H("Kind"), CellKind.Text), new(H("DistrictKey"), CellKind.Text),
            new(H("District"), CellKind.Text), new(H("Population"), CellKind.Integer), new(H("ForeignShare"), CellKind.Percent),
            new(H("Score"), CellKind.Decimal1), new(H("Tier"), CellKind.Text), new(H("TierKey"), CellKind.Text), new(H("Coverage"), CellKind.Percent),
            new(H("Structures"), CellKind.Decimal1), new(H("Resources"), CellKind.Decimal1), new(H("Experience"), CellKind.Decimal1),
            new(H("RankDistrict"), CellKind.Integer), new(H("RankPeerGroup"), CellKind.Integer), new(H("RankAll"), CellKind.Integer),
            new(H("RankLow"), CellKind.Integer), new(H("RankHigh"), CellKind.Integer), new(H("DataQuality"), CellKind.Text),
            new(H("PeerGroup"), CellKind.Text), new(H("Mentor"), CellKind.Text), new(H("Mentees"), CellKind.Text), new(H("SharedGroup"), CellKind.Text),
        ],
        [.. rows.Select(r => new object?[]
        {
            r.Ags, r.Name, Texts.Get("Kind." + r.Kind), r.DistrictKey, r.DistrictName, r.Population, r.ForeignShare,
            r.Score, Labels.Tier(r.Tier), r.Tier.WireName(), r.Coverage, r.StructuresScore, r.ResourcesScore, r.ExperienceScore,
            r.RankDistrict, r.RankPeerGroup, r.RankAll, r.RankLow, r.RankHigh, Labels.Quality(WireNames.Of(r.DataQuality)),
            r.PeerGroupLabel, r.MentorName, r.MenteeNames?.Replace(ExportRows.ListSeparator, ", ", StringComparison.Ordinal), r.SharedServiceGroupId,
        })]);

    private static Sheet Pairs(PublishedRun run, HashSet<string> selected) => new(
        Texts.Get("Xlsx.Sheet.Pairs"),
        [
            new(H("MenteeAgs"), CellKind.Text), new(H("Mentee"), CellKind.Text), new(H("MenteeTier"), CellKind.Text),
            new(H("MentorAgs"), CellKind.Text), new(H("Mentor"), CellKind.Text), new(H("MentorTier"), CellKind.Text),
            new(H("DistanceKm"), CellKind.Decimal1), new(H("SharesBorder"), CellKind.Text), new(H("Topics"), CellKind.Text),
            new(H("Benefit"), CellKind.Decimal4), new(H("Reason"), CellKind.LongText), new(H("Since"), CellKind.Integer),
        ],
        [.. run.Pairs.Where(p => selected.Contains(p.Pair.MenteeAgs)).OrderBy(p => p.Pair.MenteeAgs, StringComparer.Ordinal).Select(p =>
        {
            var pair = PairingAnswers.Pair(run, p.Pair, p.Since);
            return new object?[]
            {
                pair.Mentee.Ags, pair.Mentee.Name, pair.Mentee.TierLabel, pair.Mentor.Ags, pair.Mentor.Name, pair.Mentor.TierLabel,
                pair.DistanceKm, Texts.Get(pair.SharesBorder ? "Xlsx.Yes" : "Xlsx.No"), string.Join(", ", pair.Topics.Select(t => t.Label)),
                pair.Benefit, PairingAnswers.PairSentence(pair), pair.Since,
            };
        })]);

    private static Sheet Groups(PublishedRun run, HashSet<string> selected) => new(
        Texts.Get("Xlsx.Sheet.Groups"),
        [
            new(H("GroupId"), CellKind.Text), new(H("DistrictKey"), CellKind.Text), new(H("Members"), CellKind.Text), new(H("MemberAgs"), CellKind.Text),
            new(H("Population"), CellKind.Integer), new(H("ForeignResidents"), CellKind.Integer), new(H("MissingStructures"), CellKind.Text),
            new(H("Offers"), CellKind.LongText),
        ],
        [.. run.SharedGroups.Where(g => g.Members.Any(selected.Contains)).Select(g => SharedServiceEndpoints.ToDto(run, g)).Select(g => new object?[]
        {
            g.Id, g.DistrictKey, string.Join(", ", g.Members.Select(m => m.Name)), string.Join(", ", g.Members.Select(m => m.Ags)),
            g.Population, g.ForeignResidents, string.Join(", ", g.MissingStructures.Select(Labels.Structure)),
            string.Join("; ", g.SuggestedOffers.Select(o => o.Title)),
        })]);

    private static Sheet Recommendations(ProfileScores scores, IReadOnlyList<ExportRowDto> rows) => new(
        Texts.Get("Xlsx.Sheet.Recommendations"),
        [
            new(H("Ags"), CellKind.Text), new(H("Name"), CellKind.Text), new(H("Structure"), CellKind.Text), new(H("StructureKey"), CellKind.Text),
            new(H("ExpectedGain"), CellKind.Decimal1), new(H("PeersAtHigherTier"), CellKind.Integer), new(H("PeersHaving"), CellKind.Integer),
            new(H("Recommendation"), CellKind.LongText),
        ],
        [.. rows.SelectMany(r =>
        {
            var answer = JsonSerializer.Deserialize<ReadinessDto>(scores.ByAgs[r.Ags].Json, ApiJson.Options)!;
            return answer.Recommendations.Select(rec => new object?[]
            {
                r.Ags, r.Name, Labels.Structure(rec.Structure), rec.Structure, rec.ExpectedGain, rec.PeersAtHigherTier, rec.PeersHaving,
                ReadinessTexts.Sentence(r.Name, rec),
            });
        })]);

    private static string H(string key) => Texts.Get("Xlsx." + key);

    private static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(Texts.IsEnglish ? "yyyy-MM-dd HH:mm 'UTC'" : "dd.MM.yyyy, HH:mm 'Uhr UTC'", CultureInfo.InvariantCulture);
}
