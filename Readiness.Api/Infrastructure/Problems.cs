using Readiness.Api.Localization;

namespace Readiness.Api.Infrastructure;

/// <summary>The problem answers every feature gives the same way.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string what, string key) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: Texts.Format("Problem.NotFound.Title", Texts.Get("Thing." + what)),
            detail: Texts.Format("Problem.NotFound.Detail", Texts.Get("Thing." + what), key));

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);
}
