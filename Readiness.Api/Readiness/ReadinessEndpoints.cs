using System.Text.Json;
using Readiness.Api.Assessments;
using Readiness.Api.Auth;
using Readiness.Api.PeerGroups;
using Readiness.Api.Runs;
using Readiness.Scoring.Model;

namespace Readiness.Api.Readiness;

internal static class ReadinessEndpoints
{
    private const long MaxWhatIfBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapReadinessEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Readiness");

        group.MapGet("/municipalities/{ags}/readiness", GetReadiness)
            .WithName("GetReadiness")
            .ServesRun(profile: true, earlierFromStore: true)
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
            .ServesRun(profile: true, conditional: false)
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
            .ServesRun(profile: true)
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
        HttpContext context) =>
        new JsonBytesResult(context.Features.Get<StoredAnswer>() is { } stored
            ? ReadinessTexts.Localize(stored.Json, PeerGroupLabels.Build(context.RequestServices.GetRequiredService<EarlierRunReadiness>().PeerGroups(stored.RunId)))
            : ReadinessTexts.Serve(context.ServedRun().Run, context.ServedRun().Scores.ByAgs[ags]));

    internal static async Task<Results<Ok<WhatIfDto>, ValidationProblem, ProblemHttpResult>> WhatIfReadiness(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [Description("Scoring profile; default `default`.")] string? profile,
        [AsParameters] RunQuery query,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        if (!RequestBody.IsJson(context.Request))
        {
            return BodyProblems.UnsupportedMediaType(context.Request.ContentType, "application/json");
        }

        var body = await RequestBody.ReadAsync(context.Request, MaxWhatIfBytes, cancellationToken);
        if (body is null)
        {
            return BodyProblems.TooLarge(MaxWhatIfBytes);
        }

        var (run, scores) = context.ServedRun();
        var (answers, changed, errors) = WhatIfBody.Apply(body, run.AnswersOf(ags) ?? new AssessmentAnswers());
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var baseline = JsonSerializer.Deserialize<ReadinessDto>(scores.ByAgs[ags].Json, ApiJson.Options)!;
        return TypedResults.Ok(ReadinessTexts.Localize(WhatIfAnswer.Of(run, scores.Name, ags, answers, changed, baseline)));
    }

    internal static Results<Ok<ReadinessPageDto>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> ListReadiness(
        [AsParameters] ReadinessListQuery query,
        HttpContext context)
    {
        var (run, scores) = context.ServedRun();
        var errors = new Dictionary<string, string[]>();
        var (page, size) = Paging.Validate(query.Page, query.PageSize, errors);
        query.Validate(errors, run.BaseData);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var matching = ReadinessList.Filter(run, scores, query);
        var items = matching.Skip((page - 1) * size).Take(size).Select(e => ReadinessList.Summary(run, e)).ToList();
        return TypedResults.Ok(new ReadinessPageDto(items, page, size, matching.Count, scores.Name, run.Id, ReadinessList.Quality(matching)));
    }
}
