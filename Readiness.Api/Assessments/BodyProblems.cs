using Microsoft.Data.Sqlite;

namespace Readiness.Api.Assessments;

/// <summary>The problems of a request body that are not about one field.</summary>
internal static class BodyProblems
{
    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large",
        detail: $"Send at most {limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes in one request; split a larger file into several imports.");

    public static ProblemHttpResult UnsupportedMediaType(string? sent, params string[] expected) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type",
        detail: $"The body was sent as '{sent ?? "(no Content-Type)"}'; expected {string.Join(" or ", expected)}.");

    /// <summary>Another writer held the database past the busy timeout: nothing was written, and trying again later works.</summary>
    public static bool IsBusy(SqliteException exception) => exception.SqliteErrorCode is 5 or 6;

    public static ProblemHttpResult Busy(HttpResponse response)
    {
        response.Headers.RetryAfter = "5";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The database is busy",
            detail: "Other writes held the database too long; nothing was written. Send the request again in a few seconds.");
    }
}
