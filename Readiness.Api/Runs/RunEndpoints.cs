using System.Security.Claims;
using System.Text.Json;
using Readiness.Api.Auth;
using Readiness.Api.Localization;
using Readiness.Data.ApiKeys;
using Readiness.Data.Decisions;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRunEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/runs").WithTags("Runs");

        group.MapGet("/", ListRuns)
            .WithName("ListRuns")
            .WithResponseExample(Examples.Runs)
            .WithSummary("List runs")
            .WithDescription("Every run with its status, trigger, stages and input version, newest first.");

        group.MapGet("/current", GetCurrentRun)
            .WithName("GetCurrentRun")
            .WithResponseExample(Examples.Run)
            .WithSummary("Get the published run")
            .WithDescription("The run whose results every result endpoint serves by default. 404 before the first run has been published.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}", GetRun)
            .WithName("GetRun")
            .WithResponseExample(Examples.Run)
            .WithSummary("Get one run")
            .WithDescription("A run with its provenance: trigger, start and end, status, per-stage durations and counts, parameters, input version, error.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", StartRun)
            .RequireRole(Role.Admin)
            .WithName("StartRun")
            .WithResponseExample(Examples.Run with { Status = RunStatusDto.Running, Trigger = RunTriggerDto.Manual, FinishedAt = null, PublishedAt = null, IsCurrent = false, Stages = [], RequestedBy = "Landratsamt Starnberg admin" }, StatusCodes.Status202Accepted)
            .WithSummary("Start a run now")
            .WithDescription("Queues a run (admin). 202 with the run and its Location; 409 while another run is running, naming it. "
                + "A run on unchanged inputs ends as `unchanged` and publishes nothing new.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:long}/changes", GetRunChanges)
            .WithName("GetRunChanges")
            .WithSummary("What changed between two runs")
            .WithDescription("Pairs started and ended, tier changes (default profile), measures that became overdue and the shared-service "
                + "groups formed, dissolved or changed (other members or offers) of run `id` against the earlier run `since` "
                + "(by default the previous published run). Only published runs have changes: for a run that published nothing "
                + "(`unchanged`, `failed`, `running`) the answer is 404, as for `?run=` on the result endpoints; its results are those of the run served.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    internal static Results<Ok<Paged<RunDto>>, ValidationProblem> ListRuns(
        [Description("Page number, from 1. Default 1.")] int? page,
        [Description("Items per page, 1..500. Default 50.")] int? pageSize,
        RunStore runs)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Validate(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var current = runs.CurrentId();
        var (items, total) = runs.List(pageNumber, size);
        return TypedResults.Ok(new Paged<RunDto>([.. items.Select(r => ToDto(r, current))], pageNumber, size, total));
    }

    /// <summary>The run being served, from memory: it matches what every result endpoint answers at this moment.</summary>
    internal static Results<Ok<RunDto>, ProblemHttpResult> GetCurrentRun(PublishedRunCache cache) =>
        cache.Current is { } run
            ? TypedResults.Ok(ToDto(run.Run, run.Id))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Texts.Get("Problem.NoRun.Title"),
                detail: Texts.Get("Problem.NoRun.Detail"));

    internal static Results<Ok<RunDto>, ProblemHttpResult> GetRun([Description("Run id.")] long id, RunStore runs) =>
        runs.Get(id) is { } run ? TypedResults.Ok(ToDto(run, runs.CurrentId())) : Problems.NotFound("Run", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal static Results<Accepted<RunDto>, ProblemHttpResult> StartRun(RunLauncher launcher, RunStore runs, ClaimsPrincipal user)
    {
        var caller = Caller.From(user);
        var (run, conflict) = launcher.Start(RunTriggers.Manual, caller.Name, caller.Actor);
        if (run is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: Texts.Get("Problem.RunRunning.Title"),
                detail: Texts.Format("Problem.RunRunning.Detail", conflict!.RunningRunId, conflict.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
                extensions: new Dictionary<string, object?> { ["runningRunId"] = conflict.RunningRunId });
        }

        return TypedResults.Accepted($"/api/v1/runs/{run.Id}", ToDto(run, runs.CurrentId()));
    }

    internal static Results<Ok<RunChangesDto>, ValidationProblem, ProblemHttpResult> GetRunChanges(
        [Description("The later run.")] long id,
        [Description("The earlier run; default: the latest published run before `id`.")] long? since,
        RunStore runs,
        RunChangeQueries changes,
        MeasureStore measures)
    {
        if (runs.Get(id) is not { } run)
        {
            return Problems.NotFound("Run", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (run.PublishedAt is null)
        {
            return RunProblems.NotPublished(run);
        }

        var earlierId = since ?? runs.List(1, 500).Items
            .Where(r => r.Id < run.Id && r.PublishedAt is not null)
            .Select(r => (long?)r.Id)
            .FirstOrDefault();
        if (earlierId is null)
        {
            return Problems.Invalid("since", Texts.Format("Problem.NoEarlierRun", id));
        }

        if (runs.Get(earlierId.Value) is not { PublishedAt: not null })
        {
            return Problems.Invalid("since", Texts.Format("Problem.SinceUnknown", earlierId));
        }

        static PairChangeDto Pair(PairChangeRecord p) =>
            new(new MunicipalityRefDto(p.MenteeAgs, p.MenteeName), new MunicipalityRefDto(p.MentorAgs, p.MentorName), p.Benefit);

        return TypedResults.Ok(new RunChangesDto(
            id, earlierId.Value,
            [.. changes.PairsOnlyIn(id, earlierId.Value).Select(Pair)],
            [.. changes.PairsOnlyIn(earlierId.Value, id).Select(Pair)],
            [.. changes.TierChanges(id, earlierId.Value, "default").Select(t => new TierChangeDto(t.Ags, t.Name, t.FromTier, t.ToTier, t.FromScore, t.ToScore))],
            [.. measures.NoticedBetween(earlierId.Value, id).Select(m => m.ToOverdueDto())],
            SharedGroupChanges.Between(changes.SharedGroups(earlierId.Value), changes.SharedGroups(id))));
    }

    internal static RunDto ToDto(RunRecord run, long? currentId) => new(
        run.Id,
        Enum.Parse<RunStatusDto>(run.Status, ignoreCase: true),
        Enum.Parse<RunTriggerDto>(run.Trigger, ignoreCase: true),
        run.StartedAt, run.FinishedAt, run.PublishedAt, run.Id == currentId, run.InputVersion,
        StageLog.Parse(run.Stages),
        run.Parameters is null ? null : JsonDocument.Parse(run.Parameters).RootElement.Clone(),
        run.Error, run.RequestedBy);
}
