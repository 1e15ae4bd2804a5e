using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Readiness.Api.Assessments;
using Readiness.Api.Auth;
using Readiness.Api.Runs;
using Readiness.Api.OpenApi;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Endpoints;

internal static class ReadinessEndpoints
{
    private const long MaxWhatIfBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapReadinessEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Readiness");

        group.MapGet("/municipalities/{ags}/readiness", GetReadiness)
            .WithName("GetReadiness")
            .WithRunETag()
            .WithResponseExample(Examples.Readiness)
            .WithSummary("Get a municipality's readiness")
            .WithDescription("Score 0..100, tier, coverage, ranks in its district, peer group and overall with their robustness interval, "
                + "pillars, each indicator's value, normalised value, weight and contribution, flags and recommendations, from the current run "
                + "(`?run=` for an earlier one) under the default profile (`?profile=` for another). Answers carry an ETag; a conditional "
                + "request with it gets 304 while the run is current.")
            .Produces<ReadinessDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapPost("/municipalities/{ags}/readiness/what-if", WhatIfReadiness)
            .CountsAsRead()
            .DocumentsBody<WhatIfRequest>("application/json")
            .WithName("WhatIfReadiness")
            .WithRequestExample(Examples.WhatIfBody)
            .WithResponseExample(Examples.WhatIf)
            .WithSummary("What if a municipality's answers changed?")
            .WithDescription("Score, tier, rank and recommendations the municipality would have with the changed answers (any subset of the "
                + "assessment's answer fields; null clears an answer), against the run's normalisation and the others' scores. Nothing is stored.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/readiness", ListReadiness)
            .WithName("ListReadiness")
            .WithRunETag()
            .WithResponseExample(Examples.Ranking)
            .WithSummary("Ranking of municipalities by readiness")
            .WithDescription("Municipalities with score, tier, ranks and rank interval, most ready first (`sort=-score`, the default), "
                + "filtered by `state`, `district`, `tier`, `peerGroup`; from the current run (`?run=`) under the default profile (`?profile=`).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    internal static Results<JsonBytesResult, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> GetReadiness(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09162000.")] string ags,
        [Description("Scoring profile; default `default`.")] string? profile,
        [AsParameters] RunQuery query,
        PublishedRunCache cache,
        EarlierRunReadiness earlier,
        HttpContext context)
    {
        if (!Keys.IsAgs(ags))
        {
            return Problems.Invalid("ags", Keys.AgsMessage(ags));
        }

        // An earlier run's single answer is one indexed read, not a whole run loaded into memory.
        if (query.Run is { } earlierId && earlier.Find(earlierId, profile ?? DefaultProfile.Instance.Name, ags, context) is { } found)
        {
            return found.Problem is { } missing ? missing : found.NotModified ? RunSelection.NotModifiedResult() : new JsonBytesResult(found.Json!);
        }

        var (run, problem) = RunSelection.Resolve(cache, query.Run, context);
        if (run is null)
        {
            return problem!;
        }

        var scores = run.ProfileScores(profile ?? DefaultProfile.Instance.Name);
        if (scores is null)
        {
            return Problems.NotFound("Profile", profile!);
        }

        if (!scores.ByAgs.TryGetValue(ags, out var entry))
        {
            return Problems.NotFound("Municipality", ags);
        }

        return RunSelection.NotModified(context, run) ? RunSelection.NotModifiedResult() : new JsonBytesResult(entry.Json);
    }

    internal static async Task<Results<Ok<WhatIfDto>, ValidationProblem, ProblemHttpResult>> WhatIfReadiness(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [Description("Scoring profile; default `default`.")] string? profile,
        [AsParameters] RunQuery query,
        PublishedRunCache cache,
        HttpContext context,
        CancellationToken cancellationToken)
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

        var profileName = profile ?? DefaultProfile.Instance.Name;
        var scores = run.ProfileScores(profileName);
        if (scores is null)
        {
            return Problems.NotFound("Profile", profileName);
        }

        if (!scores.ByAgs.TryGetValue(ags, out var baseline))
        {
            return Problems.NotFound("Municipality", ags);
        }

        if (!RequestBody.IsJson(context.Request))
        {
            return BodyProblems.UnsupportedMediaType(context.Request.ContentType, "application/json");
        }

        var body = await RequestBody.ReadAsync(context.Request, MaxWhatIfBytes, cancellationToken);
        if (body is null)
        {
            return BodyProblems.TooLarge(MaxWhatIfBytes);
        }

        var current = run.AnswersOf(ags) ?? new Readiness.Scoring.Model.AssessmentAnswers();
        var (answers, changed, errors) = WhatIfBody.Apply(body, current);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var scoring = run.Context(profileName)!;
        var row = scoring.Scoring.IndexOf(ags);
        var result = WhatIf.Evaluate(scoring.Recommender, row, answers);
        var facts = run.BaseData.Get(ags);
        var baselineDto = JsonSerializer.Deserialize<ReadinessDto>(baseline.Json, Infrastructure.ApiJson.Options)!;
        var districtKeys = scoring.Scoring.Inputs.Select(i => i.Facts.DistrictKey).ToList();
        var districtRank = WhatIf.RankAmongOthers(scoring.Scoring, row, result.Score.Score, districtKeys);
        var rankOf = baselineDto.Rank;
        var wasRanked = baselineDto.Score is not null ? 1 : 0;
        var isRanked = result.Score.Score is not null ? 1 : 0;
        var rank = new RankDto(districtRank, result.PeerRank, result.Rank,
            rankOf.DistrictOf - wasRanked + isRanked, rankOf.PeerGroupOf - wasRanked + isRanked, rankOf.AllOf - wasRanked + isRanked);
        var score = result.Score;
        return TypedResults.Ok(new WhatIfDto(
            ags, facts.Name, Round(score.Score), RunResultMapper.Tier(score.Tier), Math.Round(score.Coverage, 4), rank,
            [.. score.Pillars.Select(p => new PillarDto(p.Key, Round(p.Score), Math.Round(p.Weight, 4)))],
            [.. score.Indicators.Select(i => new IndicatorDto(i.Key, i.Pillar, Round(i.Value, 6), Round(i.RawValue, 6), Round(i.Normalized, 4), Math.Round(i.Weight, 6), Round(i.Contribution, 4)))],
            result.Flags,
            [.. result.Recommendations.Select(r => new RecommendationDto(r.Structure, Round(r.ExpectedGain), r.PeersHaving, r.PeersAtHigherTier))],
            new WhatIfBaselineDto(baselineDto.Score, baselineDto.Tier, baselineDto.Rank),
            changed, profileName, run.Id, baselineDto.DataQuality));
    }

    internal static Results<Ok<ReadinessPageDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> ListReadiness(
        [AsParameters] ReadinessListQuery query,
        PublishedRunCache cache,
        HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var (page, size) = Paging.Validate(query.Page, query.PageSize, errors);
        query.Validate(errors, cache.Current?.BaseData);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (run, problem) = RunSelection.Resolve(cache, query.Run, context);
        if (run is null)
        {
            return problem!;
        }

        var profileName = query.Profile ?? DefaultProfile.Instance.Name;
        var scores = run.ProfileScores(profileName);
        if (scores is null)
        {
            return Problems.NotFound("Profile", profileName);
        }

        if (RunSelection.NotModified(context, run))
        {
            return RunSelection.NotModifiedResult();
        }

        var matching = ReadinessList.Filter(run, scores, query);
        var items = matching.Skip((page - 1) * size).Take(size).Select(e => ReadinessList.Summary(run, e)).ToList();
        return TypedResults.Ok(new ReadinessPageDto(items, page, size, matching.Count, profileName, run.Id, ReadinessList.Quality(matching)));
    }

    private static double? Round(double? value, int digits = 2) => value is null ? null : Math.Round(value.Value, digits);
}
