using System.Globalization;
using System.Text.Json;
using Readiness.Api.Runs;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Scores;

namespace Readiness.Api.PeerGroups;

internal static class PeerGroupEndpoints
{
    public static IEndpointRouteBuilder MapPeerGroupEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/peer-groups").WithTags("Peer groups");

        group.MapGet("/", ListPeerGroups)
            .WithName("ListPeerGroups")
            .ServesRun()
            .WithSummary("List peer groups")
            .WithDescription("Groups of municipalities with similar framework conditions (k-means on size, density, migrant share, urbanisation), "
                + "each with its label, size, centroid in real units, spread, tier distribution and median score.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/diagnostics", GetPeerGroupDiagnostics)
            .WithName("GetPeerGroupDiagnostics")
            .ServesRun()
            .WithSummary("How the number of peer groups was chosen")
            .WithDescription("Every k tried with its inertia, Davies–Bouldin index and silhouette, the measure that chose, and the standardisation of each feature.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/{id:int}", GetPeerGroup)
            .WithName("GetPeerGroup")
            .ServesRun()
            .WithSummary("Get a peer group with its members")
            .WithDescription("The group and a page of its members, nearest to the centroid first, each with its distance, second-nearest group, score and tier.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    internal static Results<Ok<IReadOnlyList<PeerGroupDto>>, StatusCodeHttpResult, ProblemHttpResult> ListPeerGroups(
        [AsParameters] RunQuery query, HttpContext context)
    {
        var run = context.ServedRun().Run;
        return TypedResults.Ok<IReadOnlyList<PeerGroupDto>>([.. run.PeerGroups.Select(g => ToDto(run, g))]);
    }

    internal static Results<Ok<PeerGroupDetailDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetPeerGroup(
        [Description("Peer group id.")] int id,
        [Description("Page number, from 1. Default 1.")] int? page,
        [Description("Items per page, 1..500. Default 50.")] int? pageSize,
        [AsParameters] RunQuery query,
        HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Validate(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var run = context.ServedRun().Run;
        if (!run.PeerGroupById.TryGetValue(id, out var group))
        {
            return Problems.NotFound("Peer group", id.ToString(CultureInfo.InvariantCulture));
        }

        var members = run.PeerGroupMembers.GetValueOrDefault(id) ?? [];
        var scores = run.Default.ByAgs;
        var page1 = members.Skip((pageNumber - 1) * size).Take(size).Select(m =>
        {
            var facts = run.BaseData.Get(m.Ags);
            var score = scores[m.Ags].Row;
            return new PeerGroupMemberDto(m.Ags, facts.Name, facts.DistrictKey, Math.Round(m.Distance, 4),
                m.SecondGroupId is { } second ? new SecondGroupDto(second, PeerGroupLabels.Of(run, second), Math.Round(m.SecondDistance ?? 0, 4)) : null,
                score.Score, TierNames.Parse(score.Tier));
        }).ToList();
        return TypedResults.Ok(new PeerGroupDetailDto(ToDto(run, group), page1, pageNumber, size, members.Count));
    }

    internal static Results<Ok<PeerGroupDiagnosticsDto>, StatusCodeHttpResult, ProblemHttpResult> GetPeerGroupDiagnostics(
        [AsParameters] RunQuery query, HttpContext context)
    {
        var run = context.ServedRun().Run;
        var candidates = run.PeerDiagnostics.Select(d => (Row: d, Detail: JsonSerializer.Deserialize<DiagnosticDetail>(d.Detail, ApiJson.Options)!)).ToList();
        var first = candidates[0].Detail;
        return TypedResults.Ok(new PeerGroupDiagnosticsDto(
            run.Id, run.PeerGroups.Count, WireNames.Of(first.SelectedBy),
            [.. first.Scaling.Names.Select((name, i) => new FeatureScalingDto(name, first.Scaling.Means[i], first.Scaling.StandardDeviations[i]))],
            [.. candidates.Select(c => new KCandidateDto(c.Row.K, c.Detail.Inertia, c.Detail.DaviesBouldin, c.Detail.Silhouette, c.Row.Chosen))]));
    }

    internal static PeerGroupDto ToDto(PublishedRun run, PeerGroup group)
    {
        var members = (run.PeerGroupMembers.GetValueOrDefault(group.Id) ?? []).Select(m => run.Default.ByAgs[m.Ags].Row).ToList();
        var scores = members.Where(m => m.Score is not null).Select(m => m.Score!.Value).Order().ToList();
        double? median = scores.Count == 0 ? null : scores.Count % 2 == 1 ? scores[scores.Count / 2] : (scores[scores.Count / 2 - 1] + scores[scores.Count / 2]) / 2;
        int Count(ReadinessTier tier) => members.Count(m => TierNames.Parse(m.Tier) == tier);
        var profile = group.Profile;
        return new PeerGroupDto(
            group.Id, PeerGroupLabels.Of(run, group.Id), group.Size,
            new PeerGroupCentroidDto(profile.MedianPopulation, Math.Round(profile.MedianDensityPerKm2, 1), Math.Round(profile.MeanForeignShare, 4),
                Math.Round(profile.MeanMigrationBackgroundShare, 4),
                profile.UrbanisationShares.ToDictionary(u => u.Key switch { 1 => "cities", 2 => "townsAndSuburbs", 3 => "ruralAreas", _ => u.Key.ToString(CultureInfo.InvariantCulture) }, u => Math.Round(u.Value, 4)),
                profile.ImputedMembers),
            new PeerGroupSpreadDto(Math.Round(group.Spread.MeanDistance, 4), Math.Round(group.Spread.MaxDistance, 4), group.Spread.FeatureStandardDeviations.ToDictionary(f => f.Key, f => Math.Round(f.Value, 4))),
            new TierCountsDto(Count(ReadinessTier.Starting), Count(ReadinessTier.Developing), Count(ReadinessTier.Established), Count(ReadinessTier.Experienced), Count(ReadinessTier.InsufficientData)),
            median is null ? null : Math.Round(median.Value, 2),
            run.Id,
            DataQualities.Of(members.Select(m => m.DataQuality)),
            group.Figures is { } f ? new PeerGroupFiguresDto(Range(f.Population, 0), Range(f.DensityPerKm2, 1), f.ForeignShare is { } share ? Range(share, 4) : null, f.Size, f.Settlement, f.ForeignLevel) : null);
    }

    private static FigureRangeDto Range(FigureRange range, int decimals) =>
        new(Math.Round(range.Median, decimals), Math.Round(range.Low, decimals), Math.Round(range.High, decimals));

    private sealed record DiagnosticDetail(double Inertia, double DaviesBouldin, double Silhouette, KSelectionMeasure SelectedBy, FeatureScaling Scaling);
}
