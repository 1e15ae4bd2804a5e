using Readiness.Api.Runs;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Scores;

namespace Readiness.Api.PeerGroups;

internal static class SimilarEndpoints
{
    private const int Count = 10;

    public static IEndpointRouteBuilder MapSimilarEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Peer groups")
            .MapGet("/municipalities/{ags}/similar", GetSimilarMunicipalities)
            .WithName("GetSimilarMunicipalities")
            .ServesRun()
            .WithSummary("A municipality's most similar municipalities")
            .WithDescription("The 10 municipalities nearest to it in the framework conditions the peer groups are formed from (size, density, "
                + "migrant share, urbanisation; standardised), nearest first, with their score and tier. A peer group is coarse at its edges: "
                + "`atypical` says that the municipality lies farther from its group's centre than 95 % of the group's members, so its similar "
                + "municipalities are the better comparison.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    internal static Results<Ok<SimilarMunicipalitiesDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetSimilarMunicipalities(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09162000.")] string ags,
        [AsParameters] RunQuery query,
        HttpContext context)
    {
        var run = context.ServedRun().Run;
        var member = run.PeerMembers.GetValueOrDefault(ags);
        var group = member is null ? null : run.PeerGroupById[member.GroupId];
        var atypical = member is not null
            && SimilarMunicipalities.IsAtypical(member.Distance, [.. run.PeerGroupMembers[member.GroupId].Select(m => m.Distance)]);
        var items = run.Similar.Of(ags, Count).Select(s =>
        {
            var facts = run.BaseData.Get(s.Ags);
            var row = run.Default.ByAgs[s.Ags].Row;
            var peer = run.PeerMembers.GetValueOrDefault(s.Ags);
            return new SimilarMunicipalityDto(s.Ags, facts.Name, facts.DistrictKey, Math.Round(s.Distance, 4), row.Score, TierNames.Parse(row.Tier),
                peer is null ? null : new PeerGroupRefDto(peer.GroupId, PeerGroupLabels.Of(run, peer.GroupId)), DataQualities.Parse(row.DataQuality));
        }).ToList();
        return TypedResults.Ok(new SimilarMunicipalitiesDto(ags, run.BaseData.Get(ags).Name,
            group is null ? null : new PeerGroupRefDto(group.Id, PeerGroupLabels.Of(run, group.Id)), atypical, member is null ? null : Math.Round(member.Distance, 4), items, run.Id));
    }
}

/// <summary>A municipality's most similar municipalities.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text.</param>
/// <param name="Name">Its name.</param>
/// <param name="PeerGroup">Its peer group; absent outside the clustered scope.</param>
/// <param name="Atypical">True when it lies farther from its group's centre than 95 % of the members: compare it with the municipalities below rather than its group.</param>
/// <param name="DistanceToGroupCentre">Its distance to its group's centre in standardised units.</param>
/// <param name="Items">The 10 most similar municipalities, nearest first.</param>
/// <param name="RunId">The run.</param>
public sealed record SimilarMunicipalitiesDto(
    string Ags, string Name, PeerGroupRefDto? PeerGroup, bool Atypical, double? DistanceToGroupCentre, IReadOnlyList<SimilarMunicipalityDto> Items, long RunId);

/// <summary>One similar municipality.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel.</param>
/// <param name="Name">Name.</param>
/// <param name="DistrictKey">District key.</param>
/// <param name="Distance">Distance in the standardised features (0 = the same framework conditions).</param>
/// <param name="Score">Its readiness score (default profile); null when not scored.</param>
/// <param name="Tier">Its tier.</param>
/// <param name="PeerGroup">Its peer group.</param>
/// <param name="DataQuality">What its score rests on.</param>
public sealed record SimilarMunicipalityDto(
    string Ags, string Name, string DistrictKey, double Distance, double? Score, ReadinessTier Tier, PeerGroupRefDto? PeerGroup, DataQualityDto DataQuality);
