namespace Readiness.Api.Infrastructure;

/// <summary>The problem answers every feature gives the same way.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, string key) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has the key '{key}'.");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);
}
