using Readiness.Api.Runs;
using Readiness.Scoring.SharedServices;

namespace Readiness.Api.SharedServices;

internal static class SharedServiceEndpoints
{
    public static IEndpointRouteBuilder MapSharedServiceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/shared-services").WithTags("Shared services");

        group.MapGet("/", ListSharedServiceGroups)
            .WithName("ListSharedServiceGroups")
            .ServesRun()
            .WithResponseExample(Examples.SharedServices)
            .WithSummary("List shared-service groups")
            .WithDescription("Groups of small or structure-poor neighbouring municipalities that together reach a threshold (foreign residents "
                + "or population) justifying a shared offer; contiguous, within one district, Verwaltungsgemeinschaften kept together. Each lists "
                + "the structures none of its members has and the offers that follow. Filter by `state` or `district`.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{id}", GetSharedServiceGroup)
            .WithName("GetSharedServiceGroup")
            .ServesRun()
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
        [AsParameters] PageQuery paging,
        [AsParameters] RunQuery query,
        HttpContext context)
    {
        var run = context.ServedRun().Run;
        return AreaFilters.Page(run, state, district, paging, run.SharedGroups, g => g.Members[0], g => ToDto(run, g));
    }

    internal static Results<Ok<SharedServiceGroupDto>, StatusCodeHttpResult, ProblemHttpResult> GetSharedServiceGroup(
        [Description("Group id, e.g. 09187-03.")] string id,
        [AsParameters] RunQuery query,
        HttpContext context)
    {
        var run = context.ServedRun().Run;
        return run.SharedGroupById.TryGetValue(id, out var group) ? TypedResults.Ok(ToDto(run, group)) : Problems.NotFound("Shared-service group", id);
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
        [.. group.SuggestedOffers.Select(o => new SuggestedOfferDto(o.Key, Localization.Labels.Offer(o.Key, o.Title), o.Because, o.Kind,
            o.HostAgs is { } host ? Reference(run, host) : null, o.For is { } those ? [.. those.Select(ags => Reference(run, ags))] : null))],
        run.Id,
        DataQualities.Of(group.Members.Select(ags => run.Default.ByAgs[ags].Row.DataQuality)),
        [.. group.Hosts.Select(h => new GroupHostDto(h.Ags, run.BaseData.Get(h.Ags).Name, h.Structures))]);

    private static MunicipalityRefDto Reference(PublishedRun run, string ags) => new(ags, run.BaseData.Get(ags).Name);
}
