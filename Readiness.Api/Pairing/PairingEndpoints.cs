using Readiness.Data.Decisions;
using Readiness.Api.Runs;

namespace Readiness.Api.Pairing;

internal static class PairingEndpoints
{
    public static IEndpointRouteBuilder MapPairingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Pairings");

        group.MapGet("/pairings", ListPairings)
            .WithName("ListPairings")
            .ServesRun()
            .WithResponseExample(Examples.Pairings)
            .WithSummary("List mentor pairs")
            .WithDescription("Recommended pairs for good-practice transfer: a starting or developing municipality (mentee) with an established "
                + "or experienced neighbour (mentor), chosen by an exact optimisation of the total benefit with at most a few mentees per mentor. "
                + "Each pair says why: benefit and its parts, distance, shared border, peer group, transfer topics, and since which run it stands. "
                + "Filter by the mentee's `state` or `district`.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/municipalities/{ags}/pairing", GetMunicipalityPairing)
            .WithName("GetMunicipalityPairing")
            .ServesRun()
            .WithResponseExample(Examples.MunicipalityPairing)
            .WithSummary("Get a municipality's pairing")
            .WithDescription("Its mentor as a mentee, its mentees as a mentor, or why it has none.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/municipalities/{ags}/pairing-candidates", GetPairingCandidates)
            .WithName("GetPairingCandidates")
            .ServesRun(showsDecisions: true)
            .WithSummary("Every candidate mentor of a municipality")
            .WithDescription("All mentors within reach of a mentee with the benefit of each pair and its parts, best first, and which one the "
                + "optimisation chose, and the district's decision on each: so a planner can see the alternatives and overrule the recommendation. "
                + "The ETag changes with the run and with every decision recorded in the district.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    internal static Results<Ok<Paged<PairingDto>>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> ListPairings(
        [Description("Two-digit state key of the mentee, e.g. 09.")] string? state,
        [Description("Five-digit district key of the mentee, e.g. 09188.")] string? district,
        [AsParameters] PageQuery paging,
        [AsParameters] RunQuery query,
        HttpContext context)
    {
        var run = context.ServedRun().Run;
        return AreaFilters.Page(run, state, district, paging, run.Pairs, p => p.Pair.MenteeAgs, p => PairingAnswers.Pair(run, p.Pair, p.Since));
    }

    internal static Results<Ok<MunicipalityPairingDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetMunicipalityPairing(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [AsParameters] RunQuery query,
        HttpContext context) =>
        TypedResults.Ok(PairingAnswers.OfMunicipality(context.ServedRun().Run, ags));

    internal static Results<Ok<PairingCandidatesDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetPairingCandidates(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [AsParameters] RunQuery query,
        HttpContext context,
        PairDecisionStore decisions) =>
        TypedResults.Ok(PairingAnswers.Candidates(context.ServedRun().Run, ags,
            decisions.Current(ags[..5]).Where(d => d.MenteeAgs == ags).ToDictionary(d => d.MentorAgs, d => d.Decision, StringComparer.Ordinal)));
}
