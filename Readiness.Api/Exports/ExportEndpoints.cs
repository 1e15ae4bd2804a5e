using System.Globalization;
using Microsoft.Net.Http.Headers;
using Readiness.Api.Localization;
using Readiness.Api.Runs;
using Readiness.Data.BaseData;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Exports;

internal static class ExportEndpoints
{
    private static readonly string[] Locales = ["de", "en"];

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/export").WithTags("Exports");

        group.MapGet("/readiness.csv", ExportReadinessCsv)
            .WithName("ExportReadinessCsv")
            .WithResponseExample(Examples.ReadinessCsv, contentType: "text/csv")
            .WithSummary("Download the readiness of every municipality as CSV")
            .WithDescription("One row per municipality, ordered by AGS, with the columns of `ExportRowDto` in that order (header names as its "
                + "fields): base data, score, tier, coverage, the three pillar scores, ranks and rank interval, data quality, peer group, "
                + "mentor or mentees and shared-service group. Filters as the ranking list: `state`, `district`, `tier`, `peerGroup`, "
                + "`profile`, `run`. UTF-8 with a BOM so that spreadsheets show umlauts. `locale=de` (default): `;` between columns and a "
                + "decimal comma, as Excel and LibreOffice in a German locale open it with a double click; `locale=en`: `,` and a decimal "
                + "point, for other locales and scripts. Never thousands separators. The AGS and keys are plain text for scripts; Excel drops "
                + "their leading zero on a double click unless `excel=true` writes them as `=\"09188117\"` (a formula showing the text). "
                + "For spreadsheets, the Excel workbook (`GET /api/v1/export/readiness.xlsx`) keeps them as text cells and has German headers. "
                + "Sent as an attachment named after the scope and run, e.g. `readiness-09188-run-12.csv`. Columns may be added at the "
                + "end within v1; read them by name.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ServesRun(profile: true)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/readiness.xlsx", ExportReadinessXlsx)
            .WithName("ExportReadinessXlsx")
            .WithSummary("Download the readiness of every municipality as an Excel workbook")
            .WithDescription("For spreadsheet users: an .xlsx workbook in the request's language (German by default, English with "
                + "`Accept-Language: en`) with the sheets Übersicht (source, run, date, profile, filters, data sources and the warning when "
                + "the answers are illustrative), Gemeinden (scores, tiers, ranks), Patenschaften (proposed pairs with their reasons), "
                + "Kooperationsräume (shared-service groups with their offers) and Empfehlungen (the structures worth building). AGS and "
                + "keys are text cells (leading zeros kept), numbers are numbers with a number format; header row frozen, autofilter on. "
                + "Same filters as the CSV: `state`, `district`, `tier`, `peerGroup`, `profile`, `run`. Sent as an attachment, e.g. "
                + "`readiness-09188-run-12.xlsx`.")
            .Produces<byte[]>(StatusCodes.Status200OK, ReadinessWorkbook.ContentType)
            .ServesRun(profile: true)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/municipalities.geojson", ExportMunicipalitiesGeoJson)
            .WithName("ExportMunicipalitiesGeoJson")
            .WithSummary("Download the municipalities as GeoJSON for GIS")
            .WithDescription("An RFC 7946 FeatureCollection (WGS84 longitude/latitude, no `crs` member) that GDAL and QGIS open directly: "
                + "Bavarian municipalities with their boundary (BKG VG250, territorial status 2016, simplified; self-touching rings "
                + "repaired), all others with a point at their geographic centre, since no boundary data is at hand for them. Each "
                + "feature's `id` is the AGS and its `properties` are the columns of the CSV export. Filters as the ranking list: "
                + "`state`, `district`, `tier`, `peerGroup`, `profile`, `run`. Sent as an attachment, e.g. `readiness-09188-run-12.geojson`. "
                + "Boundaries: © GeoBasis-DE / BKG 2016 (Daten verändert), dl-de/by-2-0.")
            .Produces<ExportFeatureCollectionDto>(StatusCodes.Status200OK, MunicipalityGeoJson.ContentType)
            .ServesRun(profile: true)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    internal static Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> ExportReadinessCsv(
        [AsParameters] ExportQuery query,
        [Description("de (default): `;` and decimal comma for a German spreadsheet; en: `,` and decimal point.")] string? locale,
        [Description("true: AGS and keys written as `=\"09188117\"`, so that Excel opened with a double click keeps the leading zero (the cell is then a formula; scripts should leave this off). Default false.")] bool? excel,
        DistrictQueries districts,
        HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (locale is not null && !Locales.Contains(locale))
        {
            errors["locale"] = [Texts.Format("Problem.CsvLocale", locale)];
        }

        var served = context.ServedRun();
        if (Invalid(query, served.Run, errors) is { } invalid)
        {
            return invalid;
        }

        var bytes = ReadinessCsv.Write(ExportRows.Select(served.Run, served.Scores, query, districts), locale == "en" ? CsvLocaleDto.En : CsvLocaleDto.De, excel == true);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", FileName(query, served.Run, "csv"));
    }

    internal static Results<FileContentHttpResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> ExportReadinessXlsx(
        [AsParameters] ExportQuery query,
        DistrictQueries districts,
        TimeProvider clock,
        HttpContext context)
    {
        var served = context.ServedRun();
        if (Invalid(query, served.Run, []) is { } invalid)
        {
            return invalid;
        }

        var rows = ExportRows.Select(served.Run, served.Scores, query, districts);
        var bytes = ReadinessWorkbook.Write(served, rows, Scope(query, rows), clock.GetUtcNow());
        return TypedResults.File(bytes, ReadinessWorkbook.ContentType, FileName(query, served.Run, "xlsx"));
    }

    /// <summary>The filters in words, for the workbook's overview.</summary>
    private static string Scope(ExportQuery query, IReadOnlyList<ExportRowDto> rows)
    {
        var parts = new List<string>
        {
            query.District is { } district ? $"{district} {(rows.Count > 0 ? rows[0].DistrictName : "")}".TrimEnd()
                : query.State is { } state ? Localization.Texts.Format("Xlsx.ScopeState", state)
                : Localization.Texts.Get("Xlsx.ScopeAll"),
        };
        if (query.Tier is { } tier)
        {
            parts.Add(Localization.Texts.Format("Xlsx.ScopeTier", Localization.Labels.Tier(tier)));
        }

        if (query.PeerGroup is { } peerGroup)
        {
            parts.Add(Localization.Texts.Format("Xlsx.ScopePeerGroup", peerGroup));
        }

        return string.Join("; ", parts);
    }

    internal static Results<GeoJsonExportResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> ExportMunicipalitiesGeoJson(
        [AsParameters] ExportQuery query,
        DistrictQueries districts,
        Boundaries boundaries,
        HttpContext context)
    {
        var served = context.ServedRun();
        if (Invalid(query, served.Run, []) is { } invalid)
        {
            return invalid;
        }

        var rows = ExportRows.Select(served.Run, served.Scores, query, districts);
        return new GeoJsonExportResult(rows, boundaries, served.Run.BaseData, FileName(query, served.Run, "geojson"));
    }

    /// <summary>The filters checked against the run: a validation problem, or null when they hold.</summary>
    private static ValidationProblem? Invalid(ExportQuery query, PublishedRun run, Dictionary<string, string[]> errors)
    {
        query.AsListQuery().Validate(errors, run.BaseData);
        if (query.PeerGroup is { } id && !run.PeerGroupById.ContainsKey(id))
        {
            errors["peerGroup"] = [Texts.Format("Problem.PeerGroupFilter", id)];
        }

        return errors.Count > 0 ? Problems.Invalid(errors) : null;
    }

    private static string FileName(ExportQuery query, PublishedRun run, string extension)
    {
        var scope = query.District ?? (query.State is { } state ? $"state-{state}" : "all");
        var profile = query.Profile is { } name && name != DefaultProfile.Instance.Name ? $"-{name}" : "";
        var tier = query.Tier is { } t ? $"-{t}" : "";
        var group = query.PeerGroup is { } g ? $"-peer-group-{g.ToString(CultureInfo.InvariantCulture)}" : "";
        return $"readiness-{scope}{tier}{group}{profile}-run-{run.Id.ToString(CultureInfo.InvariantCulture)}.{extension}";
    }
}

/// <summary>Writes the GeoJSON export straight to the response as an attachment.</summary>
internal sealed class GeoJsonExportResult(IReadOnlyList<ExportRowDto> rows, Boundaries boundaries, BaseDataCache baseData, string fileName)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => MunicipalityGeoJson.ContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
        return MunicipalityGeoJson.WriteAsync(httpContext.Response.Body, rows, boundaries, baseData, httpContext.RequestAborted);
    }
}
