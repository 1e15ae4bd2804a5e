using Readiness.Api.Localization;
using Readiness.Api.PeerGroups;
using Readiness.Api.Runs;
using Readiness.Data.BaseData;
using Readiness.Data;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Municipalities;

internal static class MunicipalityEndpoints
{
    private static readonly Dictionary<string, MunicipalitySort> Sorts = new(StringComparer.Ordinal)
    {
        ["name"] = MunicipalitySort.Name,
        ["population"] = MunicipalitySort.Population,
        ["foreignShare"] = MunicipalitySort.ForeignShare,
        ["score"] = MunicipalitySort.Score,
    };

    public static IEndpointRouteBuilder MapMunicipalityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/municipalities").WithTags("Municipalities");

        group.MapGet("/", ListMunicipalities)
            .WithName("ListMunicipalities")
            .WithResponseExample(Examples.MunicipalityList)
            .WithSummary("List municipalities")
            .WithDescription("All 10,752 German municipalities, paged. Filter by `state`, `district`, `kind`, readiness `tier`, `peerGroup` "
                + "and a name search `q` that ignores case and accents (`munchen` finds München); sort by `name`, `population`, `foreignShare` "
                + "or `score`, descending with a leading `-`. Score, tier and peer group come from the current run (default profile).");

        group.MapGet("/{ags}", GetMunicipality)
            .WithName("GetMunicipality")
            .WithResponseExample(Examples.Municipality)
            .WithSummary("Get one municipality")
            .WithDescription("Base data of a municipality with its neighbours and administrative union. "
                + "`population` is the GV-ISys figure for 31.12.2023; the shares under `census` are Zensus 2022 fractions of the census population.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    /// <summary>Lists municipalities.</summary>
    internal static Results<Ok<Paged<MunicipalitySummaryDto>>, ValidationProblem> ListMunicipalities(
        [Description("Two-digit state key, e.g. 09 for Bavaria.")] string? state,
        [Description("Five-digit district key, e.g. 09188.")] string? district,
        [Description("Kind: gemeinde, markt, stadt or kreisfreie-stadt.")] string? kind,
        [Description("Name search, case- and accent-insensitive (munchen, muenchen and München all match).")] string? q,
        [Description("Readiness tier: starting, developing, established, experienced or insufficient-data.")] string? tier,
        [Description("Peer group id (see GET /api/v1/peer-groups).")] int? peerGroup,
        [Description("Sort key: name, population, foreignShare or score; prefix with - for descending, e.g. -population. Default name.")] string? sort,
        [Description("Page number, from 1. Default 1.")] int? page,
        [Description("Items per page, 1..500. Default 50.")] int? pageSize,
        MunicipalityQueries municipalities,
        DistrictQueries districts,
        PublishedRunCache cache)
    {
        var run = cache.Current;
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Validate(page, pageSize, errors);
        if (state is not null && (!AgsFormat.IsStateKey(state) || !districts.StateExists(state)))
        {
            errors["state"] = [AreaFilters.StateMessage(state)];
        }

        if (district is not null && (!AgsFormat.IsDistrictKey(district) || districts.Find(district) is null))
        {
            errors["district"] = [AreaFilters.DistrictMessage(district)];
        }

        if (kind is not null && !Kinds.Municipality.Contains(kind))
        {
            errors["kind"] = [Texts.Format("Problem.Kind", kind, string.Join(", ", Kinds.Municipality))];
        }

        var descending = sort?.StartsWith('-') ?? false;
        var sortKey = sort?.TrimStart('-') ?? "name";
        if (!Sorts.TryGetValue(sortKey, out var sortBy))
        {
            errors["sort"] = [Texts.Format("Problem.Sort", sort, string.Join(", ", Sorts.Keys))];
        }

        if (tier is not null && !TierNames.TryParse(tier, out _))
        {
            errors["tier"] = [Texts.Format("Problem.Tier", tier, string.Join(", ", TierNames.WireNames))];
        }

        if (peerGroup is not null && (run is null || !run.PeerGroupById.ContainsKey(peerGroup.Value)))
        {
            errors["peerGroup"] = [Texts.Format("Problem.PeerGroupFilter", peerGroup)];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = municipalities.List(new MunicipalityFilter(state, district, kind, q, tier, peerGroup), sortBy, descending, pageNumber, size, run?.Id);
        return TypedResults.Ok(new Paged<MunicipalitySummaryDto>([.. items.Select(m => ToSummary(m, run))], pageNumber, size, total));
    }

    /// <summary>Gets one municipality.</summary>
    internal static Results<Ok<MunicipalityDto>, ValidationProblem, ProblemHttpResult> GetMunicipality(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09162000.")] string ags,
        MunicipalityQueries municipalities,
        PublishedRunCache cache)
    {
        if (!AgsFormat.IsAgs(ags))
        {
            return Problems.Invalid("ags", AgsFormat.AgsMessage(ags));
        }

        var municipality = municipalities.Find(ags);
        if (municipality is null)
        {
            return Problems.NotFound("Municipality", ags);
        }

        var union = municipality.UnionKey is null ? null : municipalities.Union(municipality.UnionKey);
        var neighbours = municipalities.Neighbours(ags);
        return TypedResults.Ok(ToDto(municipality, union, neighbours, cache.Current));
    }

    internal static MunicipalitySummaryDto ToSummary(MunicipalityRecord m, PublishedRun? run) => new(
        m.Ags, m.Name, m.Kind, m.DistrictKey, m.DistrictName, m.StateKey, m.Population, m.AreaKm2, m.ForeignShare,
        m.Score, m.Tier is null ? null : TierNames.Parse(m.Tier),
        m.PeerGroupId is { } id ? new PeerGroupRefDto((int)id, run is null ? m.PeerGroupLabel ?? "" : PeerGroupLabels.Of(run, (int)id)) : null);

    private static MunicipalityDto ToDto(
        MunicipalityRecord m,
        (UnionRecord Union, IReadOnlyList<UnionMemberRecord> Members)? union,
        IReadOnlyList<NeighbourRecord> neighbours,
        PublishedRun? run)
    {
        var score = run?.Default.ByAgs.GetValueOrDefault(m.Ags)?.Row;
        var member = run?.PeerMembers.GetValueOrDefault(m.Ags);
        var peerGroup = member is null ? null : new MunicipalityPeerGroupDto(
            member.GroupId, PeerGroupLabels.Of(run!, member.GroupId), Math.Round(member.Distance, 4),
            member.SecondGroupId is { } second ? new SecondGroupDto(second, PeerGroupLabels.Of(run!, second), Math.Round(member.SecondDistance ?? 0, 4)) : null);
        var shared = run?.SharedMembership.GetValueOrDefault(m.Ags)?.GroupId is { } groupId ? new SharedServiceGroupRefDto(groupId, run.SharedGroupById[groupId].Members.Count) : null;
        return new(
        m.Ags, m.Name, m.OfficialName, m.Kind, m.OfficialType, m.DistrictKey, m.DistrictName, m.StateKey, m.StateName,
        m.Population, m.AreaKm2, m.DensityPerKm2,
        new CensusDto(m.CensusPopulation, m.ForeignShare, m.MigrationBackgroundShare, m.CensusMissingReason),
        m.ForeignShare, m.Lat, m.Lon, (int?)m.Degurba,
        union is { } u ? new AdministrativeUnionDto(u.Union.Key, u.Union.Name, u.Union.Kind, [.. u.Members.Select(x => new MunicipalityRefDto(x.Ags, x.Name))]) : null,
        [.. neighbours.Select(n => new NeighbourDto(
            n.Ags, n.Name, n.Source == "boundary" ? NeighbourSourceDto.Boundary : NeighbourSourceDto.Distance,
            n.SharedBorderM, n.DistanceKm, n.ViaAgs is null ? null : new MunicipalityRefDto(n.ViaAgs, n.ViaName ?? n.ViaAgs)))],
        peerGroup,
        shared,
        score?.Score,
        score is null ? null : TierNames.Parse(score.Tier),
        score is null ? null : DataQualities.Parse(score.DataQuality));
    }
}
