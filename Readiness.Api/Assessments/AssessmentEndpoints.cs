using System.Security.Claims;
using System.Text.Json;
using Readiness.Api.Auth;
using Readiness.Api.Idempotency;
using Readiness.Api.Localization;
using Readiness.Data.ApiKeys;
using Readiness.Data.Assessments;
using Readiness.Data.Idempotency;
using Readiness.Scoring.Model;

namespace Readiness.Api.Assessments;

internal static class AssessmentEndpoints
{
    /// <summary>One assessment is small; anything larger is a mistake.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/municipalities/{ags}/assessments").WithTags("Assessments");

        group.MapGet("/", ListAssessments)
            .WithName("ListAssessments")
            .WithSummary("List a municipality's assessments")
            .WithDescription("Every assessment of the municipality, newest reference date first; history is never overwritten. "
                + "The one that counts is the newest surveyed one, or the illustrative one while there is none.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:long}", GetAssessment)
            .WithName("GetAssessment")
            .WithSummary("Get one assessment")
            .WithDescription("One assessment of the municipality by its id.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", AddAssessment)
            .RequireRole(Role.Planner)
            .DocumentsBody<AssessmentRequest>("application/json")
            .AcceptsIdempotencyKey()
            .WithName("AddAssessment")
            .WithRequestExample(Examples.AssessmentBody)
            .WithResponseExample(Examples.Assessment, StatusCodes.Status201Created)
            .WithResponseExample(Examples.Assessment, StatusCodes.Status200OK)
            .WithSummary("Add a surveyed assessment")
            .WithDescription("Adds the municipality's answers at a reference date (required, not in the future). Every answer is optional; "
                + "null or absent means not answered. Earlier assessments stay in the history; a surveyed assessment replaces the "
                + "illustrative one in the scores. Every bad or unknown field is named under `errors`. A planner key limited to "
                + "districts may write only there (403). An assessment identical to a stored surveyed one (same reference date, answers "
                + "and note) is a duplicate: 200 with the stored one, nothing written.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return routes;
    }

    /// <summary>Lists a municipality's assessments.</summary>
    internal static Results<Ok<Paged<AssessmentDto>>, ValidationProblem, ProblemHttpResult> ListAssessments(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [Description("Page number, from 1. Default 1.")] int? page,
        [Description("Items per page, 1..500. Default 50.")] int? pageSize,
        AssessmentStore store,
        MunicipalityKeys municipalities)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Validate(page, pageSize, errors);
        if (!AgsFormat.IsAgs(ags))
        {
            errors["ags"] = [AgsFormat.AgsMessage(ags)];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (!municipalities.Exists(ags))
        {
            return Problems.NotFound("Municipality", ags);
        }

        var history = store.History(ags);
        return TypedResults.Ok(new Paged<AssessmentDto>([.. history.Skip((pageNumber - 1) * size).Take(size).Select(ToDto)], pageNumber, size, history.Count));
    }

    /// <summary>Gets one assessment.</summary>
    internal static Results<Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult> GetAssessment(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        [Description("Assessment id.")] long id,
        AssessmentStore store)
    {
        if (!AgsFormat.IsAgs(ags))
        {
            return Problems.Invalid("ags", AgsFormat.AgsMessage(ags));
        }

        var assessment = store.History(ags).FirstOrDefault(a => a.Id == id);
        return assessment is null ? Problems.NotFound("Assessment", $"{ags}/{id}") : TypedResults.Ok(ToDto(assessment));
    }

    /// <summary>Adds a surveyed assessment.</summary>
    internal static async Task<Results<Created<AssessmentDto>, Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult>> AddAssessment(
        [Description("Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09188117.")] string ags,
        HttpRequest request,
        ClaimsPrincipal user,
        AssessmentWriter writer,
        IdempotencyKeys idempotencyKeys,
        CancellationToken cancellationToken)
    {
        if (!AgsFormat.IsAgs(ags))
        {
            return Problems.Invalid("ags", AgsFormat.AgsMessage(ags));
        }

        var caller = Caller.From(user);
        if (!caller.Covers(ags))
        {
            return AuthEndpoints.OutsideDistricts(caller, ags);
        }

        if (!writer.Exists(ags))
        {
            return Problems.NotFound("Municipality", ags);
        }

        if (!RequestBody.IsJson(request))
        {
            return BodyProblems.UnsupportedMediaType(request.ContentType, "application/json");
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return BodyProblems.TooLarge(MaxBodyBytes);
        }

        if (body.Length == 0)
        {
            return Problems.Invalid("body", Texts.Get("Assessment.EmptyBody"));
        }

        var idempotency = idempotencyKeys.Check(request, caller, body);
        if (idempotency.Invalid is { } invalidKey)
        {
            return invalidKey;
        }

        if (idempotency.Mismatch is not null || idempotency.Replay is not null)
        {
            return Replayed(idempotency);
        }

        ImportRow row;
        try
        {
            using var document = JsonDocument.Parse(body);
            row = JsonRows.ReadObject(document.RootElement, 1, writer.Today, pathAgs: ags);
        }
        catch (JsonException exception)
        {
            return Problems.Invalid("body", BodyProblems.NotJson(exception));
        }

        if (!row.IsValid)
        {
            return Problems.Invalid(row.Errors!.GroupBy(e => e.Column).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        (StoredAssessment Assessment, bool Duplicate) written;
        try
        {
            written = writer.Add(row.ToAssessment(), caller, idempotency.Write is { } write
                ? (connection, transaction, stored, duplicate) => write.Record(connection, transaction, duplicate ? 200 : 201, duplicate ? null : Location(stored), ToDto(stored))
                : null);
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (BodyProblems.IsBusy(exception))
        {
            return BodyProblems.Busy(request.HttpContext.Response);
        }
        catch (System.Data.Common.DbException exception) when (idempotency.Write is { } write && IdempotencyStore.IsTaken(exception))
        {
            return Replayed(idempotencyKeys.AfterRace(write));
        }

        return written.Duplicate ? TypedResults.Ok(ToDto(written.Assessment)) : TypedResults.Created(Location(written.Assessment), ToDto(written.Assessment));
    }

    private static string Location(StoredAssessment stored) => $"/api/v1/municipalities/{stored.Ags}/assessments/{stored.Id}";

    /// <summary>The first answer to a request with the same Idempotency-Key, or the 422 for a key used with another request.</summary>
    private static Results<Created<AssessmentDto>, Ok<AssessmentDto>, ValidationProblem, ProblemHttpResult> Replayed(IdempotencyCheck check) =>
        check.Mismatch is { } mismatch ? mismatch
        : check.Replay!.Status == StatusCodes.Status201Created ? TypedResults.Created(check.Replay.Location, check.ReplayBody<AssessmentDto>())
        : TypedResults.Ok(check.ReplayBody<AssessmentDto>());

    internal static AssessmentDto ToDto(StoredAssessment a) => new(
        a.Id, a.Ags, a.ReferenceDate, a.Source == AssessmentSource.Surveyed ? AssessmentSourceDto.Surveyed : AssessmentSourceDto.Illustrative,
        a.Answers.ContactPerson, a.Answers.PaidStaffFte, a.Answers.Network, a.Answers.VolunteerCoordination, a.Answers.MigrantCouncil,
        a.Answers.IntegrationConcept, a.Answers.CouncilResolution, a.Answers.IntermunicipalExchange, a.Answers.IntegrationBudgetEur,
        a.Answers.ActiveVolunteers, a.Answers.VolunteerAllowance, a.Answers.MigrantOrganisations, a.Answers.YearsOfIntegrationWork,
        a.Note, a.RecordedAt, a.RecordedBy, a.BatchId,
        ProviderOf(a.Answers, Structures.ContactPerson), ProviderOf(a.Answers, Structures.PaidStaff), ProviderOf(a.Answers, Structures.VolunteerCoordination),
        ProviderOf(a.Answers, Structures.Network), ProviderOf(a.Answers, Structures.IntegrationConcept));

    /// <summary>Who provides a structure the municipality has; null when it has none (or the answer is missing).</summary>
    private static ProviderDto? ProviderOf(AssessmentAnswers answers, string structure) =>
        Structures.Has(answers, structure) != true ? null : answers.ProviderOf(structure) switch
        {
            Provider.AdministrativeUnion => ProviderDto.AdministrativeUnion,
            Provider.District => ProviderDto.District,
            _ => ProviderDto.Own,
        };
}
