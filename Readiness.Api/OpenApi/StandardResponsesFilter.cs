using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>
/// The answers every operation can give besides its own: 401 for a key that is sent but invalid
/// (any operation; a key sent must be valid even where none is needed), 429 from the rate limiter
/// (everything under <c>/api</c>), 400 where a query value may fail to bind (a number, a flag), one
/// wording per status, and the headers that come with them.
/// </summary>
internal sealed class StandardResponsesFilter : IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["200"] = "OK.",
        ["201"] = "Created; `Location` names the new resource.",
        ["202"] = "Accepted; `Location` names the run to follow.",
        ["400"] = "The request is invalid: each bad parameter or field is named under `errors` with a message that says what is expected.",
        ["401"] = "No valid API key: none was sent where one is needed, or the key in `X-Api-Key` is unknown or revoked (a key that is sent must be valid even where none is needed).",
        ["403"] = "The API key's role is too weak for this operation, or the municipality lies outside the key's districts.",
        ["404"] = "Not found: `detail` names what (municipality, district, run, profile, group, ...).",
        ["409"] = "Conflict: `detail` says with what.",
        ["413"] = "The body is larger than this operation accepts; `detail` gives the limit.",
        ["415"] = "The body's content type is not accepted here; `detail` names the ones that are.",
        ["429"] = "Too many requests from this API key or client address in the current window; retry after `Retry-After` seconds.",
        ["503"] = "Not available yet or for the moment: before the first run is published, while the database is busy, or (writes) when its storage is full; retry after `Retry-After` seconds where given.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            EnsureProblem(operation, context, "401");
        }

        if (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true)
        {
            EnsureProblem(operation, context, "429");

            // Any write may find the disk full (StorageErrors).
            if (context.ApiDescription.HttpMethod is "POST" or "PUT" or "DELETE")
            {
                EnsureProblem(operation, context, "503");
            }
        }

        // `?run=abc` never reaches the handler: binding fails and the answer is a validation problem naming the parameter.
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query && p.Schema?.Type is { } type && !type.HasFlag(JsonSchemaType.String)) == true)
        {
            EnsureProblem(operation, context, "400", typeof(HttpValidationProblemDetails));
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (Descriptions.TryGetValue(status, out var description))
            {
                concrete.Description = description;
            }

            switch (status)
            {
                case "429" or "503":
                    AddHeader(concrete, "Retry-After", "Seconds to wait before trying again.", JsonSchemaType.Integer);
                    break;
                case "201" or "202":
                    AddHeader(concrete, "Location", "The URL of the created resource.", JsonSchemaType.String);
                    break;
                case "200" when concrete.Content?.Keys.Any(type => type is "text/csv" or "application/geo+json") == true:
                    AddHeader(concrete, "Content-Disposition", "`attachment` with the file name to save it under.", JsonSchemaType.String);
                    break;
            }
        }
    }

    internal static void AddHeader(OpenApiResponse response, string name, string description, JsonSchemaType type)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = type } };
    }

    private static void EnsureProblem(OpenApiOperation operation, OperationFilterContext context, string status, Type? problem = null)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = Descriptions[status],
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(problem ?? typeof(ProblemDetails), context.SchemaRepository) },
            },
        };
    }
}
