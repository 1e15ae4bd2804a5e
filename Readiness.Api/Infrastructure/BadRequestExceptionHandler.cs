using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Readiness.Api.Infrastructure;

/// <summary>
/// Turns the framework's binding failures (a query value that is not a number, a body that is not
/// JSON) into a validation problem naming the field, instead of a bare 400.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = badRequest.StatusCode == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = badRequest.StatusCode, Title = message };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            return (path, $"The request body is not valid JSON for this operation: {FirstSentence(json.Message)}");
        }

        var match = BindFailure().Match(exception.Message);
        if (match.Success)
        {
            return (match.Groups["name"].Value, $"'{match.Groups["value"].Value}' is not {Expected(match.Groups["type"].Value)}.");
        }

        var required = RequiredMissing().Match(exception.Message);
        if (required.Success)
        {
            return (required.Groups["name"].Value, "This value is required.");
        }

        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", exception.Message);
        }

        return ("request", exception.Message);
    }

    private static string Expected(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "Int32" or "long" or "Int64" => "a whole number",
        "double" or "Double" or "decimal" or "Decimal" => "a number",
        "bool" or "Boolean" => "true or false",
        "DateOnly" => "a date (yyyy-MM-dd)",
        "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601)",
        "Guid" => "an identifier",
        var other => $"a valid {other}",
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "[^ "]+ (?<name>[^"]+)" was not provided""")]
    private static partial Regex RequiredMissing();
}
