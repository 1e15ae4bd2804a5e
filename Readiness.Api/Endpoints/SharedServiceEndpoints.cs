using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Readiness.Api.Runs;
using Readiness.Api.OpenApi;
using Readiness.Scoring.SharedServices;

namespace Readiness.Api.Endpoints;

internal static class SharedServiceEndpoints
{
    public static IEndpointRouteBuilder MapSharedServiceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/shared-services").WithTags("Shared services");

        group.MapGet("/", ListSharedServiceGroups)
            .WithName("ListSharedServiceGroups")
            .WithRunETag()
            .WithResponseExample(Examples.SharedServices)
            .WithSummary("List shared-service groups")
            .WithDescription("Groups of small or structure-poor neighbouring municipalities that together reach a threshold (foreign residents "
                + "or population) justifying a shared offer; contiguous, within one district, Verwaltungsgemeinschaften kept together. Each lists "
                + "the structures none of its members has and the offers that follow. Filter by `state` or `district`.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{id}", GetSharedServiceGroup)
            .WithName("GetSharedServiceGroup")
            .WithRunETag()
            .WithResponseExample(Examples.SharedService)
            .WithSummary("Get a shared-service group")
            .WithDescription("One group by its id, e.g. 09187-03.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    internal static Results<Ok<Paged<SharedServiceGroupDto>>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> ListSharedServiceGroups(
        [Description("Two-digit state key, e.g. 09.")] string? state,
        [Description("Five-digit district key, e.g. 09188.")] string? district,
        [Description("Page number, from 1. Default 1.")] int? page,
        [Description("Items per page, 1..500. Default 50.")] int? pageSize,
        [AsParameters] RunQuery query,
        PublishedRunCache cache,
        HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Validate(page, pageSize, errors);
        var (run, problem) = RunSelection.Resolve(cache, query.Run, context);
        ResultFilters.Check(state, district, run?.BaseData ?? cache.Current?.BaseData, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (run is null)
        {
            return problem!;
        }

        if (RunSelection.NotModified(context, run))
        {
            return RunSelection.NotModifiedResult();
        }

        var groups = run.SharedGroups.Where(g => ResultFilters.Matches(run.BaseData.Get(g.Members[0]), state, district)).ToList();
        return TypedResults.Ok(new Paged<SharedServiceGroupDto>(
            [.. groups.Skip((pageNumber - 1) * size).Take(size).Select(g => ToDto(run, g))], pageNumber, size, groups.Count));
    }

    internal static Results<Ok<SharedServiceGroupDto>, StatusCodeHttpResult, ProblemHttpResult> GetSharedServiceGroup(
        [Description("Group id, e.g. 09187-03.")] string id,
        [AsParameters] RunQuery query,
        PublishedRunCache cache,
        HttpContext context)
    {
        var (run, problem) = RunSelection.Resolve(cache, query.Run, context);
        if (run is null)
        {
            return problem!;
        }

        if (!run.SharedGroupById.TryGetValue(id, out var group))
        {
            return Problems.NotFound("Shared-service group", id);
        }

        return RunSelection.NotModified(context, run) ? RunSelection.NotModifiedResult() : TypedResults.Ok(ToDto(run, group));
    }

    internal static SharedServiceGroupDto ToDto(PublishedRun run, SharedServiceGroup group) => new(
        group.Id, group.DistrictKey,
        [.. group.Members.Select(ags =>
        {
            var facts = run.BaseData.Get(ags);
            return new SharedServiceMemberDto(ags, facts.Name, facts.Population, facts.ForeignResidents is { } f ? Math.Round(f) : null);
        })],
        group.Population, Math.Round(group.ForeignResidents), group.ForeignResidentsComplete, group.FloorReachedBy, group.UnionKeys,
        group.MissingStructures, group.UnconfirmedMissingStructures,
        [.. group.SuggestedOffers.Select(o => new SuggestedOfferDto(o.Key, o.Title, o.Because))],
        run.Id,
        DataQualities.Of(group.Members.Select(ags => run.Default.ByAgs[ags].Row.DataQuality)));
}
