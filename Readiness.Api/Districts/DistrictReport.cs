using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using System.Text.Json;
using Readiness.Api.Exports;
using Readiness.Api.Localization;
using Readiness.Api.Pairing;
using Readiness.Api.Readiness;
using Readiness.Api.Runs;
using Readiness.Api.SharedServices;
using Readiness.Data.BaseData;
using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Districts;

/// <summary>
/// The district report (<c>GET /api/v1/districts/{key}/report</c>): one self-contained HTML page to print on A4 for a
/// Kreistag or Begleitgremium: the district at a glance, a map by tier, all municipalities, the proposed pairs with their
/// reasons, the shared-service groups with their offers, and the data quality and run. No external resources.
/// </summary>
internal static class DistrictReport
{
    private const string Style = """
        @page { size: A4; margin: 14mm 13mm; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.35; color: #111; max-width: 186mm; margin: 0 auto; }
        h1 { font-size: 16pt; margin: 0 0 1mm; }
        h2 { font-size: 12pt; margin: 6mm 0 2mm; padding-bottom: 0.8mm; border-bottom: 1px solid #888; break-after: avoid; }
        h3 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
        p { margin: 1mm 0 2mm; }
        .sub { color: #444; margin-bottom: 3mm; }
        .warning { border: 1.5px solid #b35806; background: #fff4e5; padding: 2mm 3mm; margin: 3mm 0; }
        .tiers { display: flex; gap: 2mm; margin: 2mm 0; }
        .tier { flex: 1; border: 1px solid #aaa; padding: 1.5mm 2mm; }
        .tier b { font-size: 14pt; display: block; }
        .swatch { display: inline-block; width: 3.2mm; height: 3.2mm; border: 1px solid #333; vertical-align: -0.4mm; margin-right: 1.2mm; }
        table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.9mm 1.3mm; text-align: left; vertical-align: top; }
        th { background: #eee; font-weight: bold; }
        .n { text-align: right; white-space: nowrap; }
        .tier-cell { white-space: nowrap; }
        table.all { font-size: 8.5pt; }
        table.all th { hyphens: manual; }
        thead { display: table-header-group; }
        tr, li, figure, .group { break-inside: avoid; }
        figure { margin: 2mm 0; }
        svg.map { width: 100%; max-height: 135mm; display: block; }
        figcaption, .note { font-size: 8pt; color: #444; }
        ul { margin: 1mm 0 2mm; padding-left: 5mm; }
        li { margin-bottom: 1mm; }
        @media screen { body { margin: 8mm auto; } }
        """;

    public static string Html(
        PublishedRun run, ProfileScores scores, DistrictRecord district, DistrictSummaryDto summary, Boundaries boundaries, DateTimeOffset now)
    {
        var collation = StringComparer.Create(Texts.Culture, CompareOptions.IgnoreCase);
        var members = run.BaseData.InDistrict(district.Key).OrderBy(m => m.Name, collation).ToList();
        var tiers = members.ToDictionary(m => m.Ags, m => TierNames.Parse(scores.ByAgs[m.Ags].Row.Tier), StringComparer.Ordinal);
        var numbers = members.Select((m, i) => (m.Ags, Number: i + 1)).ToDictionary(x => x.Ags, x => x.Number, StringComparer.Ordinal);
        var title = $"{district.OfficialKind} {district.Name}";
        var published = Date(run.Run.PublishedAt ?? run.Run.FinishedAt ?? run.Run.StartedAt);

        var html = new StringBuilder(64 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{Texts.Language}\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(Texts.Format("Report.Title", title))}</title><style>{Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(Texts.Format("Report.Title", title))}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"sub\">{E(Texts.Format("Report.Subtitle", run.IdText, published, scores.Name))}</p>");
        if (summary.DataQuality is DataQualityDto.Illustrative or DataQualityDto.Mixed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"warning\">{E(Texts.Get("IllustrativeWarning"))}</p>");
        }

        Glance(html, district, summary, members);
        Support(html, scores, members, tiers);
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(Texts.Get("Report.Map"))}</h2><figure>");
        html.Append(DistrictMap.Svg([.. members.Select(m => (numbers[m.Ags], m, tiers[m.Ags]))], boundaries));
        html.Append(CultureInfo.InvariantCulture, $"<figcaption>{Legend()} · {E(Texts.Get("Report.MapNote"))}</figcaption></figure>");
        Table(html, run, scores, members, tiers, numbers);
        Pairs(html, run, members);
        Groups(html, run, district.Key);
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(Texts.Get("Report.Quality"))}</h2>");
        var counts = summary.DataQualityCounts;
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Format("Report.QualityText", counts.Surveyed, counts.Illustrative, counts.Missing))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Format("Report.RunText", run.IdText, published, scores.Name, Date(now)))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(Texts.Get("Xlsx.AttributionText"))}</p>");
        return html.Append("</body></html>").ToString();
    }

    private static void Glance(StringBuilder html, DistrictRecord district, DistrictSummaryDto summary, List<MunicipalityFacts> members)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(Texts.Get("Report.Glance"))}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Format("Report.GlanceText", members.Count, Texts.Number(members.Sum(m => m.Population), 0), Texts.Number(summary.ForeignResidents, 0)))}</p>");
        var t = summary.Tiers;
        html.Append("<div class=\"tiers\">");
        foreach (var (tier, count) in new[] { (ReadinessTier.Starting, t.Starting), (ReadinessTier.Developing, t.Developing), (ReadinessTier.Established, t.Established), (ReadinessTier.Experienced, t.Experienced), (ReadinessTier.InsufficientData, t.InsufficientData) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"tier\"><b>{count}</b>{Swatch(tier)}{E(Labels.Tier(tier))}</div>");
        }

        html.Append("</div>");
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(Texts.Get("Report.Coverage"))}</h3><table><thead><tr><th>{E(Texts.Get("Report.Structure"))}</th>");
        html.Append(CultureInfo.InvariantCulture, $"<th class=\"n\">{E(Texts.Get("Report.Having"))}</th><th class=\"n\">{E(Texts.Get("Report.Lacking"))}</th><th class=\"n\">{E(Texts.Get("Report.Unknown"))}</th><th class=\"n\">{E(Texts.Get("Report.Reached"))}</th></tr></thead><tbody>");
        foreach (var s in summary.Structures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(Labels.Structure(s.Structure))}</td><td class=\"n\">{s.Having}</td><td class=\"n\">{s.Lacking}</td><td class=\"n\">{s.Unknown}</td><td class=\"n\">{(s.ForeignResidentsShareCovered is { } c ? E(Texts.Percent(c)) : "–")}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</tbody></table><p class=\"note\">{E(Texts.Get("Report.CoverageNote"))}</p>");
        _ = district;
    }

    /// <summary>The municipalities just starting or developing with the most foreign residents, each with its first recommendation.</summary>
    private static void Support(StringBuilder html, ProfileScores scores, List<MunicipalityFacts> members, Dictionary<string, ReadinessTier> tiers)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h3>{E(Texts.Get("Report.Support"))}</h3>");
        var needing = members.Where(m => tiers[m.Ags] is ReadinessTier.Starting or ReadinessTier.Developing)
            .OrderByDescending(m => m.ForeignResidents ?? 0).ThenByDescending(m => m.Population).Take(5).ToList();
        if (needing.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Get("Report.SupportNone"))}</p>");
            return;
        }

        html.Append("<ul>");
        foreach (var m in needing)
        {
            var answer = JsonSerializer.Deserialize<ReadinessDto>(scores.ByAgs[m.Ags].Json, ApiJson.Options)!;
            var line = Texts.Format("Report.SupportText", m.Name, Labels.Tier(tiers[m.Ags]), Texts.Number(m.Population, 0),
                m.ForeignResidents is { } f ? Texts.Number(f, 0) : "–", m.ForeignShare is { } s ? Texts.Percent(s) : "–");
            var first = answer.Recommendations.Count > 0 ? " " + ReadinessTexts.Sentence(m.Name, answer.Recommendations[0]) : "";
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(line + first)}</li>");
        }

        html.Append("</ul>");
    }

    private static void Table(
        StringBuilder html, PublishedRun run, ProfileScores scores, List<MunicipalityFacts> members, Dictionary<string, ReadinessTier> tiers, Dictionary<string, int> numbers)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(Texts.Get("Report.Municipalities"))}</h2><table class=\"all\"><thead><tr>");
        foreach (var (key, numeric) in new[] { ("No", true), ("Name", false), ("Population", true), ("ForeignShare", true), ("Score", true), ("Tier", false), ("Rank", true), ("Partner", false), ("Group", false) })
        {
            html.Append(CultureInfo.InvariantCulture, $"<th{(numeric ? " class=\"n\"" : "")}>{E(Texts.Get("Report." + key))}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var m in members)
        {
            var row = scores.ByAgs[m.Ags].Row;
            var partner = run.PairByMentee.TryGetValue(m.Ags, out var pair) ? Texts.Format("Report.Mentee", run.BaseData.Get(pair.Pair.MentorAgs).Name)
                : run.PairsByMentor[m.Ags].Any() ? Texts.Format("Report.Mentor", Labels.List([.. run.PairsByMentor[m.Ags].Select(p => run.BaseData.Get(p.Pair.MenteeAgs).Name)]))
                : "";
            var group = run.SharedMembership.GetValueOrDefault(m.Ags)?.GroupId ?? "";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"n\">{numbers[m.Ags]}</td><td>{E(m.Name)}<br><span class=\"note\">{m.Ags} · {E(Texts.Get("Kind." + m.Kind))}</span></td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{Texts.Number(m.Population, 0)}</td><td class=\"n\">{(m.ForeignShare is { } s ? E(Texts.Percent(s, 1)) : "–")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{(row.Score is { } score ? Texts.Number(score) : "–")}</td><td class=\"tier-cell\">{Swatch(tiers[m.Ags])}{E(Labels.Tier(tiers[m.Ags]))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{(row.RankDistrict is { } rank ? rank.ToString(CultureInfo.InvariantCulture) : "–")}</td><td>{E(partner)}</td><td>{E(group)}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Pairs(StringBuilder html, PublishedRun run, List<MunicipalityFacts> members)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(Texts.Get("Report.Pairs"))}</h2>");
        var inDistrict = members.Select(m => m.Ags).ToHashSet(StringComparer.Ordinal);
        var pairs = run.Pairs.Where(p => inDistrict.Contains(p.Pair.MenteeAgs)).Select(p => PairingAnswers.Pair(run, p.Pair, p.Since)).ToList();
        if (pairs.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Get("Report.PairsNone"))}</p>");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Get("Report.PairsIntro"))}</p><ul>");
        foreach (var pair in pairs.OrderBy(p => p.Mentor.Name, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(PairingAnswers.PairSentence(pair))}</li>");
        }

        html.Append("</ul>");
    }

    private static void Groups(StringBuilder html, PublishedRun run, string districtKey)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{E(Texts.Get("Report.Groups"))}</h2>");
        var groups = run.SharedGroups.Where(g => g.DistrictKey == districtKey).Select(g => SharedServiceEndpoints.ToDto(run, g)).ToList();
        if (groups.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(Texts.Get("Report.GroupsNone"))}</p>");
            return;
        }

        foreach (var group in groups)
        {
            var head = Texts.Format("Report.GroupHead", group.Id, Labels.List([.. group.Members.Select(m => m.Name)]), Texts.Number(group.Population, 0), Texts.Number(group.ForeignResidents, 0));
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"group\"><h3>{E(head)}</h3><ul>");
            foreach (var offer in group.SuggestedOffers)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(offer.Title)}</li>");
            }

            html.Append("</ul></div>");
        }
    }

    private static string Legend() => string.Join(" ", new[] { ReadinessTier.Starting, ReadinessTier.Developing, ReadinessTier.Established, ReadinessTier.Experienced, ReadinessTier.InsufficientData }
        .Select(t => $"{Swatch(t)}{E(Labels.Tier(t))}"));

    private static string Swatch(ReadinessTier tier) => $"<span class=\"swatch\" style=\"background:{DistrictMap.Colour(tier)}\"></span>";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static string Date(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(Texts.IsEnglish ? "yyyy-MM-dd" : "dd.MM.yyyy", CultureInfo.InvariantCulture);
}
