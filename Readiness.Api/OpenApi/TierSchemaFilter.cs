using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Readiness.Scoring.Scores;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>
/// The tier on the wire is <see cref="ReadinessTier"/>, the scoring library's own enum. The v1 document has always
/// called its schema <c>TierDto</c> and listed the values by progress with insufficient-data last; both stay.
/// </summary>
internal sealed class TierSchemaFilter : ISchemaFilter
{
    public const string SchemaId = "TierDto";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ReadinessTier) || schema is not OpenApiSchema { Enum.Count: > 0 } concrete)
        {
            return;
        }

        concrete.Enum = [.. TierNames.WireNames.Select(name => (JsonNode)JsonValue.Create(name))];
    }
}
