using System.Security.Claims;
using Microsoft.Extensions.Options;
using Readiness.Api.Auth;
using Readiness.Api.Idempotency;
using Readiness.Api.Runs;
using Readiness.Data.ApiKeys;
using Readiness.Data.Assessments;
using Readiness.Data.Decisions;
using Readiness.Api.Webhooks;

namespace Readiness.Api.Decisions;

internal static class DecisionEndpoints
{
    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/pairings").WithTags("Pair decisions");

        group.MapPost("/decisions", RecordDecision)
            .RequireRole(Role.Planner)
            .IdempotentWith<PairDecisionRequest>()
            .WithName("RecordPairDecision")
            .WithRequestExample(DecisionExamples.PairDecisionBody)
            .WithResponseExample(DecisionExamples.PairDecision, StatusCodes.Status201Created)
            .WithSummary("Record a decision on a pair")
            .WithDescription("Records one step in the life of a pair: agreed (a pair the current run proposes), active, ended (with an optional "
                + "outcome), declined (with a reason), pinned (a candidate, or any two municipalities of one district with a reason) or forbidden "
                + "(with a reason). Every step is kept and audited. The nightly run keeps agreed, active and pinned pairs and never proposes a "
                + "declined or forbidden pair again for `Readiness:Pairing:DeclinedForMonths` (24). A planner key limited to districts may decide "
                + "only there (403); a step the pair's state does not allow is 409.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/decisions", ListDecisions)
            .WithName("ListPairDecisions")
            .WithResponseExample(DecisionExamples.PairDecisions)
            .WithSummary("List the current decision of every decided pair")
            .WithDescription("The newest step of every pair with a decision, optionally of one district (the mentee's), with what the nightly run does with it.");

        group.MapGet("/decisions/{mentee}/{mentor}", GetDecisionHistory)
            .WithName("GetPairDecisionHistory")
            .WithSummary("Every step of one pair")
            .WithDescription("The whole history of decisions on the pair, oldest first; empty when none was recorded.");

        group.MapGet("/outcomes", GetOutcomes)
            .WithName("GetPairOutcomes")
            .WithResponseExample(DecisionExamples.PairOutcomes)
            .WithSummary("How ended pairs went, by topic")
            .WithDescription("Ended pairs with an outcome (worked, partly, did not), and per transferred topic how often the transfer worked, so the district learns which transfers work.");

        return routes;
    }

    /// <summary>Records a step in the life of a pair.</summary>
    internal static Results<Created<PairDecisionDto>, ValidationProblem, ProblemHttpResult> RecordDecision(
        PairDecisionRequest body,
        ClaimsPrincipal user,
        PairDecisionStore store,
        MunicipalityKeys municipalities,
        PublishedRunCache runs,
        WebhookEvents events,
        IOptions<DecisionOptions> options,
        TimeProvider time,
        HttpContext context)
    {
        var errors = PairDecisionRules.Shape(body, time, out var date);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var caller = Caller.From(user);
        if (PairDecisionRules.Outside(caller, body.Mentee!, body.Mentor!) is { } outside)
        {
            return AuthEndpoints.OutsideDistricts(caller, outside);
        }

        foreach (var ags in new[] { body.Mentee!, body.Mentor! }.Where(a => !municipalities.Exists(a)))
        {
            return Problems.NotFound("Municipality", ags);
        }

        var district = body.Mentee![..5];
        var current = store.Current(district);
        switch (PairDecisionRules.Check(body, runs.Current, current))
        {
            case ValidationProblem invalid:
                return invalid;
            case ProblemHttpResult problem:
                return problem;
        }

        var write = context.IdempotentWrite();
        var recorded = store.Record(
            new NewPairDecision(district, body.Mentee, body.Mentor!, body.Decision!, date, Trim(body.Reason), Trim(body.Note), body.Outcome,
                body.TopicsTransferred?.Distinct(StringComparer.Ordinal).ToList() ?? []),
            caller.Actor, time.GetUtcNow(),
            write is null ? null : (connection, transaction, r) => write.Record(connection, transaction, StatusCodes.Status201Created, Location(r), ToDto(r, options.Value, time)));
        var dto = ToDto(recorded, options.Value, time);
        events.Publish(WebhookEventNames.PairingDecided, dto);
        return TypedResults.Created(Location(recorded), dto);
    }

    private static string Location(PairDecisionRecord recorded) => $"/api/v1/pairings/decisions/{recorded.MenteeAgs}/{recorded.MentorAgs}";

    /// <summary>Lists the current decision of every decided pair.</summary>
    internal static Results<Ok<IReadOnlyList<PairDecisionDto>>, ValidationProblem> ListDecisions(
        [Description("Five-digit district key of the mentee, e.g. 09188.")] string? district,
        PairDecisionStore store,
        IOptions<DecisionOptions> options,
        TimeProvider time)
    {
        if (district is not null && !AgsFormat.IsDistrictKey(district))
        {
            return Problems.Invalid("district", AgsFormat.DistrictKeyMessage(district));
        }

        return TypedResults.Ok<IReadOnlyList<PairDecisionDto>>([.. store.Current(district).Select(d => ToDto(d, options.Value, time))]);
    }

    /// <summary>Every step of one pair.</summary>
    internal static Results<Ok<IReadOnlyList<PairDecisionDto>>, ValidationProblem> GetDecisionHistory(
        [Description("AGS of the mentee, 8 digits.")] string mentee,
        [Description("AGS of the mentor, 8 digits.")] string mentor,
        PairDecisionStore store,
        IOptions<DecisionOptions> options,
        TimeProvider time)
    {
        if (!AgsFormat.IsAgs(mentee) || !AgsFormat.IsAgs(mentor))
        {
            return Problems.Invalid(!AgsFormat.IsAgs(mentee) ? "mentee" : "mentor", AgsFormat.AgsMessage(!AgsFormat.IsAgs(mentee) ? mentee : mentor));
        }

        return TypedResults.Ok<IReadOnlyList<PairDecisionDto>>([.. store.History(mentee, mentor).Select(d => ToDto(d, options.Value, time))]);
    }

    /// <summary>Outcomes of ended pairs by topic.</summary>
    internal static Results<Ok<PairOutcomesDto>, ValidationProblem> GetOutcomes(
        [Description("Five-digit district key, e.g. 09188; all districts when absent.")] string? district,
        PairDecisionStore store)
    {
        if (district is not null && !AgsFormat.IsDistrictKey(district))
        {
            return Problems.Invalid("district", AgsFormat.DistrictKeyMessage(district));
        }

        return TypedResults.Ok(PairOutcomes.Summarise(district, store.Outcomes(district)));
    }

    internal static PairDecisionDto ToDto(PairDecisionRecord d, DecisionOptions options, TimeProvider time) => new(
        d.Id, d.MenteeAgs, d.MentorAgs, d.DistrictKey, d.Decision, d.DecidedOn, d.Reason, d.Note, d.Outcome, d.OutcomeTopics, d.RecordedAt, d.KeyName,
        RunDecisionSource.Effect(d, options, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)));

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
