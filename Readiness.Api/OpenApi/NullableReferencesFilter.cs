using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>
/// Writes <c>nullable: true</c> on a property that refers to another schema and may be null (e.g. <c>administrativeUnion</c>,
/// <c>neighbours[].via</c>, <c>unpaired</c>). The generator marks such an <c>allOf</c> wrapper with the null type alone,
/// which an OpenAPI 3.0 document cannot say; with the referenced schema's own type beside it, it is written as
/// <c>type</c> plus <c>nullable: true</c>, which validators and client generators read.
/// </summary>
internal sealed class NullableReferencesFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties })
        {
            return;
        }

        foreach (var property in properties.Values.OfType<OpenApiSchema>())
        {
            if (property is { AllOf: [OpenApiSchemaReference reference, ..], Type: JsonSchemaType.Null })
            {
                var referenced = reference.Reference.Id is { } id && context.SchemaRepository.Schemas.TryGetValue(id, out var target) ? target.Type : null;
                property.Type = JsonSchemaType.Null | (referenced is { } type && type != JsonSchemaType.Null ? type & ~JsonSchemaType.Null : JsonSchemaType.Object);
            }
        }
    }
}
