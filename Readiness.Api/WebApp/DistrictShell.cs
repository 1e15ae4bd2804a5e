using System.Net;
using System.Text;
using Readiness.Api.Districts;
using Readiness.Api.Exports;
using Readiness.Api.Runs;
using Readiness.Data.BaseData;
using Readiness.Scoring.Scores;

namespace Readiness.Api.WebApp;

/// <summary>
/// The district page as the server sends it: the web app's page with the district's name, its map (the printable
/// report's SVG) and its municipalities already in it, so the view has content before the script has loaded its data
/// (a slow connection, a link preview, a reader without JavaScript). The script then draws the full view over it.
/// </summary>
internal static class DistrictShell
{
    private const string Placeholder = "<p data-i18n=\"loading\">Wird geladen …</p>";

    public static string Render(string page, string key, PublishedRun? run, DistrictQueries districts, Boundaries boundaries)
    {
        if (!AgsFormat.IsDistrictKey(key) || run is null || districts.Find(key) is not { } district)
        {
            return page;
        }

        var members = run.BaseData.InDistrict(key).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        var map = DistrictMap.Svg([.. members.Select((m, i) => (i + 1, m, TierNames.Parse(run.Default.ByAgs[m.Ags].Row.Tier)))], boundaries);
        var html = new StringBuilder();
        html.Append("<h1>").Append(WebUtility.HtmlEncode($"{district.OfficialKind} {district.Name}".Trim())).Append("</h1>");
        html.Append("<section class=\"card\"><h2>Karte</h2>").Append(map).Append("</section>");
        html.Append("<section class=\"card\"><h2>Alle Gemeinden</h2><ol>");
        foreach (var member in members)
        {
            html.Append("<li><a href=\"/municipalities/").Append(member.Ags).Append("\" data-link>")
                .Append(WebUtility.HtmlEncode(member.Name)).Append("</a></li>");
        }

        html.Append("</ol></section>");
        return page.Replace(Placeholder, html.ToString(), StringComparison.Ordinal);
    }
}
