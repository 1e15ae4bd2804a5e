using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Readiness.Api.Auth;
using Readiness.Api.Idempotency;
using Readiness.Api.Localization;
using Readiness.Api.Runs;
using Readiness.Api.Webhooks;
using Readiness.Data.ApiKeys;
using Readiness.Data.Assessments;
using Readiness.Data.BaseData;
using Readiness.Data.Decisions;

namespace Readiness.Api.Measures;

/// <summary>What the measure handlers need besides the request, as one parameter.</summary>
internal sealed record MeasureServices(
    MeasureStore Store, DistrictQueries Districts, BaseDataCache BaseData, AssessmentStore Assessments, IOptions<MeasureOptions> Options,
    WebhookEvents Events, TimeProvider Time)
{
    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    public MeasureDto Dto(MeasureRecord m) => MeasureAnswers.ToDto(m, BaseData, Assessments, Today);
}

internal static class MeasureEndpoints
{
    public static IEndpointRouteBuilder MapMeasureEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/districts/{key}/measures").WithTags("Measures");

        group.MapPost("/", CreateMeasure)
            .RequireRole(Role.Planner)
            .IdempotentWith<MeasureRequest>()
            .WithName("CreateMeasure")
            .WithRequestExample(MeasureExamples.Body)
            .WithResponseExample(MeasureExamples.Measure, StatusCodes.Status201Created)
            .WithSummary("Create a measure of the integration plan")
            .WithDescription("A measure (Maßnahme) with title, field of action (Handlungsfeld, from the configured list), addressee (a municipality, its "
                + "Verwaltungsgemeinschaft, the district office or the steering committee), responsible role, due date, status, the consequence agreed "
                + "if it is missed, and links to a recommendation, a pair or a shared-service group. The answer carries its `ETag`; a planner key "
                + "limited to districts may write only there (403). Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", ListMeasures)
            .WithName("ListMeasures")
            .WithResponseExample(MeasureExamples.MeasurePage)
            .WithSummary("List a district's measures")
            .WithDescription("The district's measures, oldest first; filter by `status` or `overdue=true`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}", GetMeasure)
            .WithName("GetMeasure")
            .WithResponseExample(MeasureExamples.Measure)
            .WithSummary("Get one measure")
            .WithDescription("One measure with its `ETag` (send it as `If-Match` to change it), whether it is overdue, and evidence when a later "
                + "surveyed assessment shows the structure it aimed at.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPatch("/{id:long}", UpdateMeasure)
            .RequireRole(Role.Planner)
            .DocumentsBody<MeasureRequest>("application/merge-patch+json")
            .DocumentsBody<MeasureRequest>("application/json")
            .WithName("UpdateMeasure")
            .WithRequestExample(MeasureExamples.Patch, "application/merge-patch+json")
            .WithRequestExample(MeasureExamples.Patch)
            .WithResponseExample(MeasureExamples.Measure)
            .WithSummary("Change a measure")
            .WithDescription("A JSON Merge Patch (RFC 7396; `application/merge-patch+json` or `application/json`): a field given is changed, a field "
                + "absent stays, a field set to null is removed (responsibleRole, consequence, links and each link; title, fieldOfAction, addressee, "
                + "dueDate and status cannot be removed: 400). Objects are merged member by member: `{\"links\": {\"pair\": null}}` removes only the pair. "
                + "Needs `If-Match` with the measure's current `ETag`: without it 428, with a stale one 412, so two planners do not overwrite each other. Audited.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        routes.MapPost("/api/v1/municipalities/{ags}/recommendations/{indicator}/measure", CreateFromRecommendation)
            .WithTags("Measures")
            .RequireRole(Role.Planner)
            .IdempotentWith<MeasureRequest>()
            .WithName("CreateMeasureFromRecommendation")
            .WithRequestExample(MeasureExamples.FromRecommendationBody)
            .WithResponseExample(MeasureExamples.Measure, StatusCodes.Status201Created)
            .WithSummary("Turn a recommendation into a measure")
            .WithDescription("Creates a measure pre-filled from the municipality's recommendation in the current run (title, field of action, the "
                + "municipality as addressee, due in six months, linked to the recommendation). An optional body overrides any field.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        routes.MapGet("/api/v1/districts/{key}/progress", ProgressAnswers.GetProgress)
            .WithTags("Measures")
            .WithName("GetDistrictProgress")
            .WithResponseExample(MeasureExamples.Progress)
            .WithSummary("The steering committee's view of a district")
            .WithDescription("Measures by field of action and status, overdue measures with addressee and consequence, pairs by state and the outcomes of ended pairs.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    /// <summary>Creates a measure.</summary>
    internal static Results<Created<MeasureDto>, ValidationProblem, ProblemHttpResult> CreateMeasure(
        [Description("Five-digit district key, e.g. 09188.")] string key,
        MeasureRequest body,
        ClaimsPrincipal user,
        [AsParameters] MeasureServices services,
        HttpContext context)
    {
        if (BadKey(key) is { } bad)
        {
            return bad;
        }

        if (Refused(key, user, services) is { } refused)
        {
            return refused;
        }

        return Create(body, new MeasureRecord { DistrictKey = key }, user, services, context);
    }

    /// <summary>Lists a district's measures.</summary>
    internal static Results<Ok<Paged<MeasureDto>>, ValidationProblem, ProblemHttpResult> ListMeasures(
        [Description("Five-digit district key, e.g. 09188.")] string key,
        [Description("Only measures with this status: planned, in-progress, done, dropped.")] string? status,
        [Description("Only overdue measures (true) or only others (false).")] bool? overdue,
        [Description("Page number, from 1. Default 1.")] int? page,
        [Description("Items per page, 1..500. Default 50.")] int? pageSize,
        [AsParameters] MeasureServices services)
    {
        var errors = new Dictionary<string, string[]>();
        var (number, size) = Paging.Validate(page, pageSize, errors);
        if (!AgsFormat.IsDistrictKey(key))
        {
            errors["key"] = [AgsFormat.DistrictKeyMessage(key)];
        }

        if (status is not null && !MeasureRules.Statuses.Contains(status))
        {
            errors["status"] = [Texts.Format("Decision.OneOf", string.Join(", ", MeasureRules.Statuses))];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (services.Districts.Find(key) is null)
        {
            return Problems.NotFound("District", key);
        }

        var all = services.Store.OfDistrict(key)
            .Where(m => (status is null || m.Status == status) && (overdue is null || m.IsOverdue(services.Today) == overdue))
            .ToList();
        return TypedResults.Ok(new Paged<MeasureDto>([.. all.Skip((number - 1) * size).Take(size).Select(services.Dto)], number, size, all.Count));
    }

    /// <summary>Gets one measure with its ETag.</summary>
    internal static Results<Ok<MeasureDto>, ValidationProblem, ProblemHttpResult> GetMeasure(
        [Description("Five-digit district key, e.g. 09188.")] string key,
        [Description("Measure id.")] long id,
        [AsParameters] MeasureServices services,
        HttpContext context)
    {
        if (!AgsFormat.IsDistrictKey(key))
        {
            return Problems.Invalid("key", AgsFormat.DistrictKeyMessage(key));
        }

        if (services.Store.Get(id) is not { } measure || measure.DistrictKey != key)
        {
            return Problems.NotFound("Measure", $"{key}/{id}");
        }

        context.Response.Headers.ETag = MeasureAnswers.ETag(measure);
        return TypedResults.Ok(services.Dto(measure));
    }

    /// <summary>Changes a measure under If-Match.</summary>
    internal static async Task<Results<Ok<MeasureDto>, ValidationProblem, ProblemHttpResult>> UpdateMeasure(
        [Description("Five-digit district key, e.g. 09188.")] string key,
        [Description("Measure id.")] long id,
        ClaimsPrincipal user,
        [AsParameters] MeasureServices services,
        HttpContext context)
    {
        if (BadKey(key) is { } bad)
        {
            return bad;
        }

        if (Refused(key, user, services) is { } refused)
        {
            return refused;
        }

        if (services.Store.Get(id) is not { } stored || stored.DistrictKey != key)
        {
            return Problems.NotFound("Measure", $"{key}/{id}");
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: Texts.Get("Measure.IfMatch.Title"),
                detail: Texts.Get("Measure.IfMatch.Detail"));
        }

        if (!ifMatch.Split(',').Select(t => t.Trim()).Contains(MeasureAnswers.ETag(stored)))
        {
            return Stale(stored);
        }

        var (body, unreadable) = await MeasurePatch.ReadAsync(context.Request, context.RequestAborted);
        if (unreadable is not null)
        {
            return unreadable switch { ValidationProblem invalid => invalid, _ => (ProblemHttpResult)unreadable };
        }

        var errors = new Dictionary<string, string[]>();
        var changed = MeasurePatch.Apply(body!, stored, services.Options.Value.Fields, services.BaseData, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var updated = services.Store.Update(changed, stored.Version, new { id, body }, Caller.From(user).Actor, services.Time.GetUtcNow());
        if (updated is null)
        {
            return Stale(services.Store.Get(id)!);
        }

        var dto = services.Dto(updated);
        services.Events.Publish(WebhookEventNames.MeasureChanged, dto);
        context.Response.Headers.ETag = MeasureAnswers.ETag(updated);
        return TypedResults.Ok(dto);
    }

    /// <summary>Creates a measure pre-filled from a recommendation.</summary>
    internal static Results<Created<MeasureDto>, ValidationProblem, ProblemHttpResult> CreateFromRecommendation(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [Description("The recommended structure, e.g. contactPerson.")] string indicator,
        ClaimsPrincipal user,
        [AsParameters] MeasureServices services,
        PublishedRunCache runs,
        HttpContext context,
        MeasureRequest? body = null)
    {
        if (!AgsFormat.IsAgs(ags))
        {
            return Problems.Invalid("ags", AgsFormat.AgsMessage(ags));
        }

        if (Refused(ags[..5], user, services) is { } refused)
        {
            return refused;
        }

        if (runs.Current is not { } run)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: Texts.Get("Problem.NoRun.Title"), detail: Texts.Get("Problem.NoRun.Detail"));
        }

        if (!run.Default.ByAgs.TryGetValue(ags, out var entry))
        {
            return Problems.NotFound("Municipality", ags);
        }

        if (!Recommends(entry.Json, indicator))
        {
            return Problems.NotFound("Recommendation", $"{ags}/{indicator}");
        }

        var fields = services.Options.Value.Fields;
        var name = services.BaseData.Get(ags).Name;
        var prefilled = new MeasureRequest(
            body?.Title ?? $"{name}: {MeasureAnswers.Label(indicator)}",
            body?.FieldOfAction ?? MeasureAnswers.FieldOf(indicator, fields),
            body?.Addressee ?? new AddresseeDto("municipality", ags),
            body?.ResponsibleRole ?? "Erste Bürgermeisterin / Erster Bürgermeister",
            body?.DueDate ?? services.Today.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            body?.Status,
            body?.Consequence,
            new MeasureLinksDto(new RecommendationLinkDto(ags, indicator), body?.Links?.Pair, body?.Links?.SharedServiceGroup));
        return Create(prefilled, new MeasureRecord { DistrictKey = ags[..5] }, user, services, context);
    }

    private static Results<Created<MeasureDto>, ValidationProblem, ProblemHttpResult> Create(
        MeasureRequest body, MeasureRecord blank, ClaimsPrincipal user, MeasureServices services, HttpContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var measure = MeasureRules.Apply(body, blank, isNew: true, services.Options.Value.Fields, services.BaseData, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var write = context.IdempotentWrite();
        var created = services.Store.Create(measure, Caller.From(user).Actor, services.Time.GetUtcNow(),
            write is null ? null : (connection, transaction, m) => write.Record(connection, transaction, StatusCodes.Status201Created, Location(m), services.Dto(m)));
        var dto = services.Dto(created);
        services.Events.Publish(WebhookEventNames.MeasureChanged, dto);
        context.Response.Headers.ETag = MeasureAnswers.ETag(created);
        return TypedResults.Created(Location(created), dto);
    }

    private static string Location(MeasureRecord measure) => $"/api/v1/districts/{measure.DistrictKey}/measures/{measure.Id}";

    private static ValidationProblem? BadKey(string key) =>
        AgsFormat.IsDistrictKey(key) ? null : Problems.Invalid("key", AgsFormat.DistrictKeyMessage(key));

    /// <summary>403 outside the caller's districts, 404 for an unknown district; null when the write may go on.</summary>
    private static ProblemHttpResult? Refused(string key, ClaimsPrincipal user, MeasureServices services)
    {
        var caller = Caller.From(user);
        if (!caller.Covers(key))
        {
            return AuthEndpoints.OutsideDistricts(caller, key);
        }

        return services.Districts.Find(key) is null ? Problems.NotFound("District", key) : null;
    }

    private static ProblemHttpResult Stale(MeasureRecord current) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: Texts.Get("Measure.Stale.Title"),
            detail: Texts.Format("Measure.Stale.Detail", MeasureAnswers.ETag(current)));

    private static bool Recommends(byte[] readinessJson, string indicator)
    {
        using var document = JsonDocument.Parse(readinessJson);
        return document.RootElement.TryGetProperty("recommendations", out var list)
            && list.EnumerateArray().Any(r => r.TryGetProperty("structure", out var s) && s.GetString() == indicator);
    }
}
