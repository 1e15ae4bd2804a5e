using Readiness.Api.Exports;
using Readiness.Api.Runs;
using Readiness.Data.BaseData;

namespace Readiness.Api.Districts;

internal static class DistrictReportEndpoints
{
    public static IEndpointRouteBuilder MapDistrictReport(this IEndpointRouteBuilder group)
    {
        group.MapGet("/{key}/report", GetDistrictReport)
            .WithName("GetDistrictReport")
            .ServesRun(profile: true)
            .WithSummary("Get a printable report on a district")
            .WithDescription("One self-contained HTML page for a Kreistag or Begleitgremium, printable on A4, in German (`?lang=en` for English; "
                + "unlike the JSON answers it does not follow the browser's Accept-Language, since it is a paper for a German committee): the district at a glance (tiers, where the structures exist, where support matters most), a "
                + "map of its municipalities coloured by tier (VG250 boundaries in Bavaria, points elsewhere), a table of all municipalities, "
                + "the proposed pairs with their reasons, the shared-service groups with their offers, and the data quality and run. "
                + "From the current run (`?run=`) and profile (`?profile=`).")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    internal static Results<ContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetDistrictReport(
        [Description("Five-digit district key, e.g. 09188.")] string key,
        [Description("Scoring profile; default `default`.")] string? profile,
        [Description("de (default) or en: the report's language. The report is a German document for a German committee: a browser's Accept-Language does not change it.")] string? lang,
        [AsParameters] RunQuery query,
        DistrictQueries queries,
        Boundaries boundaries,
        TimeProvider clock,
        HttpContext context)
    {
        if (lang is not null and not ("de" or "en"))
        {
            return Problems.Invalid("lang", Localization.Texts.Format("Problem.Lang", lang));
        }

        var district = queries.Find(key);
        if (district is null)
        {
            return Problems.NotFound("District", key);
        }

        var (run, scores) = context.ServedRun();
        var language = lang == "en" ? Localization.LocalizationSetup.English : Localization.LocalizationSetup.German;
        System.Globalization.CultureInfo.CurrentUICulture = language;
        context.Response.Headers.ContentLanguage = language.Name;
        var summary = DistrictEndpoints.Summary(run, scores, district);
        return TypedResults.Content(DistrictReport.Html(run, scores, district, summary, boundaries, clock.GetUtcNow()), "text/html; charset=utf-8");
    }
}
