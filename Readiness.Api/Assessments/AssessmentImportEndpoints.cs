using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Readiness.Api.Auth;
using Readiness.Api.Idempotency;
using Readiness.Api.Localization;
using Readiness.Data.ApiKeys;
using Readiness.Data.Idempotency;

namespace Readiness.Api.Assessments;

internal static class AssessmentImportEndpoints
{
    /// <summary>A report longer than this helps nobody: the first rows show what is wrong.</summary>
    internal const int MaxReportedRows = 1_000;

    public static IEndpointRouteBuilder MapAssessmentImportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/assessments").WithTags("Assessments");

        group.MapPost("/import", ImportAssessments)
            .RequireRole(Role.Planner)
            .DocumentsBody<string>("text/csv")
            .DocumentsBody<ImportRowRequest[]>("application/json")
            .AcceptsIdempotencyKey()
            .WithName("ImportAssessments")
            .WithRequestExample(Examples.ImportCsv, "text/csv")
            .WithRequestExample(Examples.ImportJson)
            .WithResponseExample(Examples.ImportResult)
            .WithSummary("Import assessments, all or nothing")
            .WithDescription("CSV (`text/csv`: UTF-8 with or without BOM, `;` or `,` found from the header, decimal comma or point, "
                + "yes/no as ja/nein, true/false, yes/no, wahr/falsch or 1/0, dates as yyyy-MM-dd or dd.MM.yyyy, an empty cell = not answered, "
                + "columns as in the template in any order) or JSON (`application/json`: an array of objects with `ags` and the fields of "
                + "AddAssessment). If any row is bad, the answer is 400 listing every bad row, column and reason (`errors` keyed "
                + "`row N: column`, and `rows` with the details; N is the line in the CSV file, the header being line 1, or the position in "
                + "the JSON array from 1), and nothing is written. Otherwise all rows are written in one transaction under one batch id. "
                + "`?dryRun=true` only checks. A planner key limited to districts gets 403 naming the rows outside them. Bodies over "
                + "the configured limit (default 20 MiB) get 413. Rows identical to stored surveyed assessments (same municipality, "
                + "reference date, answers and note) are not stored again and counted under `duplicates`.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/template.csv", GetTemplate)
            .WithName("GetAssessmentTemplate")
            .WithSummary("Download the CSV import template")
            .WithDescription("The header and one example row, separated by `;` with a decimal comma as a German spreadsheet writes them, "
                + "in UTF-8 with a BOM so Excel shows umlauts. Replace the example row with your municipalities; `,` as the separator "
                + "works as well.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        return routes;
    }

    /// <summary>Imports assessments from CSV or JSON, all or nothing.</summary>
    internal static async Task<Results<Ok<ImportResultDto>, ValidationProblem, ProblemHttpResult>> ImportAssessments(
        [Description("true: only check the file and report, write nothing. Default false.")] bool? dryRun,
        HttpRequest request,
        ClaimsPrincipal user,
        AssessmentWriter writer,
        IOptionsSnapshot<ImportOptions> options,
        IdempotencyKeys idempotencyKeys,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var csv = RequestBody.IsCsv(request);
        if (!csv && !RequestBody.IsJson(request))
        {
            return BodyProblems.UnsupportedMediaType(request.ContentType, "text/csv", "application/json");
        }

        var limit = options.Value.MaxBodyBytes;
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return BodyProblems.TooLarge(limit);
        }

        var idempotency = idempotencyKeys.Check(request, caller, body);
        if (idempotency.Invalid is { } invalidKey)
        {
            return invalidKey;
        }

        if (idempotency.Mismatch is { } mismatch)
        {
            return mismatch;
        }

        if (idempotency.Replay is not null)
        {
            return TypedResults.Ok(idempotency.ReplayBody<ImportResultDto>());
        }

        var maxRows = options.Value.MaxRows;
        var parsed = csv ? CsvRows.Read(body, writer.Today, maxRows) : ParsedImport.FromJson(body, writer.Today, maxRows);
        if (parsed.FileErrors.Count == 0 && parsed.Rows.Count == 0)
        {
            parsed = ParsedImport.FileError("body", null, Texts.Get("Import.NoRows"));
        }

        var outside = AssessmentWriter.OutOfScope(parsed.Rows, caller);
        if (outside.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: Texts.Get("Auth.RowsOutside.Title"),
                detail: Texts.Format("Auth.RowsOutside.Detail", caller.Name, string.Join(", ", caller.Districts), outside.Count, outside[0].Row, outside[0].Ags),
                extensions: new Dictionary<string, object?> { ["rows"] = outside.Take(MaxReportedRows).ToList(), ["districts"] = caller.Districts });
        }

        writer.CheckAgainstStore(parsed.Rows);
        var bad = parsed.Rows.Where(r => !r.IsValid).ToList();
        if (parsed.FileErrors.Count > 0 || bad.Count > 0)
        {
            return ImportReport.Problem(parsed, bad, MaxReportedRows);
        }

        var format = csv ? "csv" : "json";
        var separator = parsed.Separator?.ToString();
        if (dryRun == true)
        {
            var duplicate = writer.Duplicates(parsed.Rows);
            var rows = parsed.Rows.Where((_, i) => !duplicate[i]).ToList();
            var counts = ImportCounts.Of(rows.Select(r => r.Ags!));
            return TypedResults.Ok(new ImportResultDto(true, rows.Count, counts.Municipalities, counts.Districts.Count, null, format, separator, parsed.Rows.Count - rows.Count));
        }

        ImportResultDto Result(ImportOutcome outcome) =>
            new(false, outcome.Written, outcome.Municipalities, outcome.Districts, outcome.BatchId, format, separator, outcome.Duplicates);
        try
        {
            var outcome = writer.Import(parsed.Rows, caller, format, idempotency.Write is { } write
                ? (connection, transaction, outcome) => write.Record(connection, transaction, StatusCodes.Status200OK, null, Result(outcome))
                : null);
            return TypedResults.Ok(Result(outcome));
        }
        catch (SqliteException exception) when (BodyProblems.IsBusy(exception))
        {
            return BodyProblems.Busy(request.HttpContext.Response);
        }
        catch (System.Data.Common.DbException exception) when (idempotency.Write is { } write && IdempotencyStore.IsTaken(exception))
        {
            var first = idempotencyKeys.AfterRace(write);
            return first.Mismatch is { } other ? other : TypedResults.Ok(first.ReplayBody<ImportResultDto>());
        }
    }

    /// <summary>The import template.</summary>
    internal static FileContentHttpResult GetTemplate() =>
        TypedResults.File(ImportTemplate.Bytes(), "text/csv; charset=utf-8", "readiness-assessments.csv");
}
