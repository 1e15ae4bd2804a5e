using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>Descriptions for the framework's RFC 9457 problem types, which carry no XML docs of ours.</summary>
internal sealed class ProblemSchemasFilter : ISchemaFilter
{
    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["type"] = "A URI reference identifying the problem type.",
        ["title"] = "A short, human-readable summary of the problem type.",
        ["status"] = "The HTTP status code.",
        ["detail"] = "What went wrong in this case, in words a user can act on.",
        ["instance"] = "A URI reference identifying this occurrence.",
        ["errors"] = "Per field or parameter (camelCase name, or e.g. `row 17: paidStaffFte` for imports), the messages saying what is wrong.",
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return;
        }

        if (context.Type == typeof(HttpValidationProblemDetails))
        {
            concrete.Description = "An RFC 9457 problem for invalid input: every bad field or parameter is listed under `errors`.";
        }
        else if (context.Type == typeof(ProblemDetails))
        {
            concrete.Description = "An RFC 9457 problem (`application/problem+json`). Some problems add members, e.g. `rows` for an import refused for rows outside the key's districts.";
        }
        else
        {
            return;
        }

        foreach (var (name, property) in concrete.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (property is OpenApiSchema p && Properties.TryGetValue(name, out var description))
            {
                p.Description = description;
            }
        }
    }
}
