using Readiness.Api.Readiness;
using Readiness.Api.PeerGroups;
using Readiness.Api.Runs;
using Readiness.Data.BaseData;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Districts;

internal static class DistrictEndpoints
{
    public static IEndpointRouteBuilder MapDistrictEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/districts").WithTags("Districts");

        group.MapGet("/", ListDistricts)
            .WithName("ListDistricts")
            .WithSummary("List districts")
            .WithDescription("Landkreise and kreisfreie Städte with their population and Zensus 2022 foreign share, ordered by key. Filter by `state`.");

        group.MapGet("/{key}", GetDistrict)
            .WithName("GetDistrict")
            .WithSummary("Get one district")
            .WithDescription("A district by its 5-digit key, e.g. 09188 (Landkreis Starnberg).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{key}/summary", GetDistrictSummary)
            .WithName("GetDistrictSummary")
            .ServesRun(profile: true)
            .WithSummary("Get a district's readiness summary")
            .WithDescription("Municipalities per tier; for each structure how many municipalities have it and what share of the district's "
                + "foreign residents lives in one that has it; data quality. From the current run (`?run=`) and profile (`?profile=`).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapDistrictReport();
        return routes;
    }

    internal static Results<Ok<DistrictSummaryDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetDistrictSummary(
        [Description("Five-digit district key, e.g. 09188.")] string key,
        [Description("Scoring profile; default `default`.")] string? profile,
        [AsParameters] RunQuery query,
        DistrictQueries queries,
        HttpContext context)
    {
        var district = queries.Find(key);
        if (district is null)
        {
            return Problems.NotFound("District", key);
        }

        var (run, scores) = context.ServedRun();
        return TypedResults.Ok(Summary(run, scores, district));
    }

    /// <summary>The district summary of one run and profile (also the district report's first section).</summary>
    internal static DistrictSummaryDto Summary(PublishedRun run, ProfileScores scores, DistrictRecord district)
    {
        var key = district.Key;
        var members = run.BaseData.InDistrict(key)
            .Select(m => new DistrictMember(m, run.AnswersOf(m.Ags), run.SourceOf(m.Ags),
                TierNames.Parse(scores.ByAgs[m.Ags].Row.Tier)))
            .ToList();
        var summary = DistrictSummary.Compute(members);
        var tiers = summary.Tiers;
        return new DistrictSummaryDto(
            key, district.Name, summary.Municipalities, Math.Round(summary.ForeignResidents),
            new TierCountsDto(tiers.Starting, tiers.Developing, tiers.Established, tiers.Experienced, tiers.InsufficientData),
            [.. summary.Structures.Select(s => new StructureCoverageDto(s.Structure, s.Having, s.Lacking, s.Unknown,
                s.ForeignResidentsShareHaving is { } h ? Math.Round(h, 4) : null, s.ForeignResidentsShareUnknown is { } u ? Math.Round(u, 4) : null)
            {
                Label = Localization.Labels.Structure(s.Structure),
            })],
            DataQualities.Parse(summary.DataQuality.Label),
            new DataQualityCountsDto(summary.DataQuality.Surveyed, summary.DataQuality.Illustrative, summary.DataQuality.Missing),
            scores.Name, run.Id,
            [.. scores.Entries.Where(e => run.BaseData.Get(e.Row.Ags).DistrictKey == key)
                .Select(e => (Entry: e, Priority: ReadinessList.PriorityOf(run, e)))
                .Where(p => p.Priority is not null)
                .OrderByDescending(p => p.Priority).ThenBy(p => p.Entry.Row.Ags, StringComparer.Ordinal)
                .Take(5)
                .Select(p => new PriorityMunicipalityDto(p.Entry.Row.Ags, run.BaseData.Get(p.Entry.Row.Ags).Name, p.Priority!.Value, p.Entry.Row.Score, TierNames.Parse(p.Entry.Row.Tier)))]);
    }

    /// <summary>Lists districts.</summary>
    /// <param name="state">Two-digit state key, e.g. 09 for Bavaria.</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Items per page, 1..500 (default 50).</param>
    /// <param name="queries">District queries.</param>
    internal static Results<Ok<Paged<DistrictDto>>, ValidationProblem> ListDistricts(
        [Description("Two-digit state key, e.g. 09 for Bavaria.")] string? state,
        [Description("Page number, from 1. Default 1.")] int? page,
        [Description("Items per page, 1..500. Default 50.")] int? pageSize,
        DistrictQueries queries)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Validate(page, pageSize, errors);
        if (state is not null && (!AgsFormat.IsStateKey(state) || !queries.StateExists(state)))
        {
            errors["state"] = [AreaFilters.StateMessage(state)];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var all = queries.List(state);
        var items = all.Skip((pageNumber - 1) * size).Take(size).Select(ToDto).ToList();
        return TypedResults.Ok(new Paged<DistrictDto>(items, pageNumber, size, all.Count));
    }

    /// <summary>Gets one district.</summary>
    /// <param name="key">Five-digit district key.</param>
    /// <param name="queries">District queries.</param>
    internal static Results<Ok<DistrictDto>, ValidationProblem, ProblemHttpResult> GetDistrict(
        [Description("Five-digit district key, e.g. 09188.")] string key,
        DistrictQueries queries)
    {
        if (!AgsFormat.IsDistrictKey(key))
        {
            return Problems.Invalid("key", AgsFormat.DistrictKeyMessage(key));
        }

        var district = queries.Find(key);
        return district is null ? Problems.NotFound("District", key) : TypedResults.Ok(ToDto(district));
    }

    internal static DistrictDto ToDto(DistrictRecord d) => new(
        d.Key, d.Name, d.Kind, d.OfficialKind, d.StateKey, d.StateName, d.RegionName, (int)d.MunicipalityCount,
        d.Population, d.AreaKm2, d.CensusPopulation, d.ForeignShare);
}
