using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>
/// Query parameters bound from <c>[AsParameters]</c> records are named after their C# properties
/// (<c>Run</c>); the contract spells them in camelCase like everything else (<c>run</c>). Binding
/// ignores case, so both reach the handler; generated clients send what the document says.
/// </summary>
internal sealed class QueryParameterNamesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name)
            {
                parameter.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }
    }
}
