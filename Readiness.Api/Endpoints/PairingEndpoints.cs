using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Readiness.Api.Runs;
using Readiness.Api.OpenApi;
using Readiness.Scoring.Pairing;

namespace Readiness.Api.Endpoints;

internal static class PairingEndpoints
{
    public static IEndpointRouteBuilder MapPairingEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Pairings");

        group.MapGet("/pairings", ListPairings)
            .WithName("ListPairings")
            .WithRunETag()
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
            .WithRunETag()
            .WithResponseExample(Examples.MunicipalityPairing)
            .WithSummary("Get a municipality's pairing")
            .WithDescription("Its mentor as a mentee, its mentees as a mentor, or why it has none.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/municipalities/{ags}/pairing-candidates", GetPairingCandidates)
            .WithName("GetPairingCandidates")
            .WithRunETag()
            .WithSummary("Every candidate mentor of a municipality")
            .WithDescription("All mentors within reach of a mentee with the benefit of each pair and its parts, best first, and which one the "
                + "optimisation chose: so a planner can see the alternatives and overrule the recommendation.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    internal static Results<Ok<Paged<PairingDto>>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> ListPairings(
        [Description("Two-digit state key of the mentee, e.g. 09.")] string? state,
        [Description("Five-digit district key of the mentee, e.g. 09188.")] string? district,
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

        var pairs = run.Pairs
            .Where(p => ResultFilters.Matches(run.BaseData.Get(p.Pair.MenteeAgs), state, district))
            .ToList();
        return TypedResults.Ok(new Paged<PairingDto>(
            [.. pairs.Skip((pageNumber - 1) * size).Take(size).Select(p => ToDto(run, p.Pair, p.Since))], pageNumber, size, pairs.Count));
    }

    internal static Results<Ok<MunicipalityPairingDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetMunicipalityPairing(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [AsParameters] RunQuery query,
        PublishedRunCache cache,
        HttpContext context)
    {
        if (!Keys.IsAgs(ags))
        {
            return Problems.Invalid("ags", Keys.AgsMessage(ags));
        }

        var (run, problem) = RunSelection.Resolve(cache, query.Run, context);
        if (run is null)
        {
            return problem!;
        }

        if (run.BaseData.Find(ags) is null)
        {
            return Problems.NotFound("Municipality", ags);
        }

        if (RunSelection.NotModified(context, run))
        {
            return RunSelection.NotModifiedResult();
        }

        var role = Role(run, ags);
        var asMentee = run.PairByMentee.TryGetValue(ags, out var pair) ? ToDto(run, pair.Pair, pair.Since) : null;
        var asMentor = run.PairsByMentor[ags].Select(p => ToDto(run, p.Pair, p.Since)).ToList();
        var unpaired = run.Mentee(ags)?.Unpaired;
        var unpairedDto = unpaired is null ? null : new UnpairedDto(
            Enum.Parse<UnpairedReasonDto>(unpaired.Reason.ToString()), unpaired.CandidateCount,
            unpaired.BestCandidateAgs is { } best ? new MunicipalityRefDto(best, run.BaseData.Get(best).Name) : null,
            unpaired.BestCandidateBenefit is { } benefit ? Math.Round(benefit, 4) : null);
        return TypedResults.Ok(new MunicipalityPairingDto(ags, role, asMentee, asMentor, unpairedDto, Explain(run, ags, role, asMentee, asMentor, unpaired), run.Id));
    }

    internal static Results<Ok<PairingCandidatesDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetPairingCandidates(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [AsParameters] RunQuery query,
        PublishedRunCache cache,
        HttpContext context)
    {
        if (!Keys.IsAgs(ags))
        {
            return Problems.Invalid("ags", Keys.AgsMessage(ags));
        }

        var (run, problem) = RunSelection.Resolve(cache, query.Run, context);
        if (run is null)
        {
            return problem!;
        }

        if (run.BaseData.Find(ags) is null)
        {
            return Problems.NotFound("Municipality", ags);
        }

        if (RunSelection.NotModified(context, run))
        {
            return RunSelection.NotModifiedResult();
        }

        var chosen = run.PairByMentee.TryGetValue(ags, out var pair) ? pair.Pair.MentorAgs : null;
        var candidates = (run.Mentee(ags)?.Candidates ?? [])
            .Select(c => new PairingCandidateDto(Party(run, c.MentorAgs), Math.Round(c.Benefit, 4), Parts(c.Parts), Math.Round(c.DistanceKm, 2),
                c.SharesBorder, c.SamePeerGroup, Topics(c), c.MentorAgs == chosen))
            .ToList();
        return TypedResults.Ok(new PairingCandidatesDto(ags, Role(run, ags), candidates, run.Id));
    }

    private static PairingRoleDto Role(PublishedRun run, string ags)
    {
        if (run.Mentee(ags) is not null || run.PairByMentee.ContainsKey(ags))
        {
            return PairingRoleDto.Mentee;
        }

        var tier = run.Default.ByAgs[ags].Row.Tier;
        var hasContact = run.AnswersOf(ags)?.ContactPerson == true;
        return tier is "established" or "experienced" && hasContact ? PairingRoleDto.Mentor : PairingRoleDto.None;
    }

    private static string Explain(PublishedRun run, string ags, PairingRoleDto role, PairingDto? asMentee, List<PairingDto> asMentor, UnpairedMentee? unpaired)
    {
        var tier = run.Default.ByAgs[ags].Row.Tier;
        return role switch
        {
            PairingRoleDto.Mentee when asMentee is not null =>
                $"Paired with {asMentee.Mentor.Name} ({asMentee.DistanceKm:0.#} km{(asMentee.SharesBorder ? ", shared border" : "")}) to learn about {string.Join(", ", asMentee.Topics.Select(t => t.Structure))}.",
            PairingRoleDto.Mentee => unpaired?.Reason switch
            {
                UnpairedReason.NoCandidate => "No mentor within reach: no established or experienced municipality with a contact person borders it or lies within the distance limit in its district.",
                UnpairedReason.NoBenefit => "Mentors are within reach, but none has a structure this municipality lacks.",
                _ => "Its candidate mentors are fully taken by mentees where they add more in total; see the candidates to overrule.",
            },
            PairingRoleDto.Mentor when asMentor.Count > 0 => $"Mentors {string.Join(", ", asMentor.Select(p => p.Mentee.Name))}.",
            PairingRoleDto.Mentor => "Can mentor, but no mentee within reach needs what it has, or others add more.",
            _ when tier == "insufficient-data" => "Not paired: too few answers to know its readiness.",
            _ when tier is "established" or "experienced" => "Could mentor, but has no designated contact person for integration.",
            _ => "Not paired.",
        };
    }

    internal static PairingDto ToDto(PublishedRun run, MentorPair pair, long since) => new(
        Party(run, pair.MenteeAgs), Party(run, pair.MentorAgs), Math.Round(pair.Benefit, 4), Parts(pair.Parts), Math.Round(pair.DistanceKm, 2),
        pair.SharesBorder, pair.SamePeerGroup, Topics(pair), since, pair.WasPrevious,
        DataQualities.Of([run.Default.ByAgs[pair.MenteeAgs].Row.DataQuality, run.Default.ByAgs[pair.MentorAgs].Row.DataQuality]));

    internal static PairPartyDto Party(PublishedRun run, string ags)
    {
        var facts = run.BaseData.Get(ags);
        var row = run.Default.ByAgs[ags].Row;
        return new PairPartyDto(ags, facts.Name, facts.DistrictKey, row.Score, PeerGroupEndpoints.ParseTier(row.Tier), DataQualities.Parse(row.DataQuality));
    }

    private static BenefitPartsDto Parts(BenefitParts p) => new(
        Math.Round(p.Transfer, 4), Math.Round(p.StructureGap, 4), Math.Round(p.ScoreGap, 4), Math.Round(p.Compatibility, 4),
        Math.Round(p.Proximity, 4), p.FeatureDistance is { } d ? Math.Round(d, 4) : null);

    private static List<TopicDto> Topics(MentorPair pair) =>
        [.. pair.Topics.Select(t => new TopicDto(t.Structure, Math.Round(t.Weight, 4), t.MenteeAnswerMissing))];
}

/// <summary>The state and district filters the result lists share.</summary>
internal static class ResultFilters
{
    public static void Check(string? state, string? district, BaseDataCache? baseData, Dictionary<string, string[]> errors)
    {
        if (state is not null && (!Keys.IsStateKey(state) || (baseData is not null && !baseData.Snapshot.Municipalities.Any(m => m.StateKey == state))))
        {
            errors["state"] = [$"'{state}' is not a state key: expected two digits 01..16, e.g. 09 for Bavaria."];
        }

        if (district is not null && (!Keys.IsDistrictKey(district) || (baseData is not null && !baseData.Snapshot.Municipalities.Any(m => m.DistrictKey == district))))
        {
            errors["district"] = [$"'{district}' is not a district key: expected the 5 digits of an existing district, e.g. 09188."];
        }
    }

    public static bool Matches(Readiness.Scoring.Model.MunicipalityFacts facts, string? state, string? district) =>
        (state is null || facts.StateKey == state) && (district is null || facts.DistrictKey == district);
}
