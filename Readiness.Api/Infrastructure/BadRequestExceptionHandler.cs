using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Readiness.Api.Localization;

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
        // The exception handler cleared the headers the request localization had set.
        httpContext.Response.Headers.ContentLanguage = Texts.Language;
        httpContext.Response.Headers.Vary = "Accept-Language";
        var problem = badRequest.StatusCode == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = Texts.Get("Problem.Validation"),
            }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = badRequest.StatusCode, Title = Texts.Find("Status." + badRequest.StatusCode.ToString(CultureInfo.InvariantCulture)) ?? message, Detail = message };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            return (path, Texts.Format("Body.NotJsonForOperation", (json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1, FirstSentence(json.Message)));
        }

        var match = BindFailure().Match(exception.Message);
        if (match.Success)
        {
            // A parameter bound through [AsParameters] carries its property name (Page); the query and the contract say page.
            return (JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value), Texts.Format("BadRequest.NotA", match.Groups["value"].Value, Expected(match.Groups["type"].Value)));
        }

        var required = RequiredMissing().Match(exception.Message);
        if (required.Success)
        {
            return (JsonNamingPolicy.CamelCase.ConvertName(required.Groups["name"].Value), Texts.Get("BadRequest.Required"));
        }

        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", Texts.Format("BadRequest.Other", exception.Message));
        }

        return ("request", Texts.Format("BadRequest.Other", exception.Message));
    }

    private static string Expected(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "Int32" or "long" or "Int64" => Texts.Get("Expected.WholeNumber"),
        "double" or "Double" or "decimal" or "Decimal" => Texts.Get("Expected.Number"),
        "bool" or "Boolean" => Texts.Get("Expected.Boolean"),
        "DateOnly" => Texts.Get("Expected.Date"),
        "DateTimeOffset" or "DateTime" => Texts.Get("Expected.DateTime"),
        "Guid" => Texts.Get("Expected.Identifier"),
        var other => Texts.Format("Expected.Other", other),
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
