using System.Text.Json;
using Microsoft.Data.Sqlite;
using Readiness.Api.Localization;

namespace Readiness.Api.Assessments;

/// <summary>The problems of a request body that are not about one field.</summary>
internal static class BodyProblems
{
    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Texts.Get("Body.TooLarge.Title"),
        detail: Texts.Format("Body.TooLarge.Detail", Texts.Number(limit, 0)));

    public static ProblemHttpResult UnsupportedMediaType(string? sent, params string[] expected) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: Texts.Get("Body.UnsupportedType.Title"),
        detail: Texts.Format("Body.UnsupportedType.Detail", sent ?? Texts.Get("Body.NoContentType"), string.Join(" " + Texts.Get("Body.Or") + " ", expected)));

    /// <summary>What is wrong with a body that is not JSON: where, in the request's language (the parser's own message in English only).</summary>
    public static string NotJson(JsonException exception, string key = "Body.NotJson") =>
        Texts.Format(key, (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1, exception.Message);

    /// <summary>Another writer held the database past the busy timeout: nothing was written, and trying again later works.</summary>
    public static bool IsBusy(SqliteException exception) => exception.SqliteErrorCode is 5 or 6;

    public static ProblemHttpResult Busy(HttpResponse response)
    {
        response.Headers.RetryAfter = "5";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: Texts.Get("Body.Busy.Title"),
            detail: Texts.Get("Body.Busy.Detail"));
    }
}
