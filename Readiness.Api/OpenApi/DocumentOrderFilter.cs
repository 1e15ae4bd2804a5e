using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>
/// Makes the document read well and diff cleanly: tags declared once with a description, responses
/// in status order. The checked-in openapi/v1.json depends on this order being stable.
/// </summary>
internal sealed class DocumentOrderFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Assessments"] = "The readiness survey: history per municipality, adding one (planner), CSV or JSON import (planner), the import template.",
        ["Audit"] = "Every write with the key that made it (admin).",
        ["Districts"] = "Landkreise and kreisfreie Städte, and a district's readiness summary.",
        ["Exports"] = "Everything about the municipalities in one file: CSV for spreadsheets, GeoJSON for GIS.",
        ["Health"] = "Whether the service and its database answer.",
        ["Municipalities"] = "Base data of every German municipality, with neighbours and administrative unions.",
        ["Pairings"] = "Mentor pairs for good-practice transfer, with the reasons and the alternatives.",
        ["Peer groups"] = "Groups of municipalities with similar framework conditions (k-means).",
        ["Profiles"] = "Scoring profiles: indicators, goalposts, weights, aggregation, tiers.",
        ["Readiness"] = "Readiness scores: one municipality, what-if, the ranking.",
        ["Runs"] = "The nightly computations whose results the result endpoints serve.",
        ["Shared services"] = "Groups of small neighbours that can share an offer.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var used = swaggerDoc.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        swaggerDoc.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name, name) }));

        UnwrapNullableReferences(swaggerDoc);

        foreach (var operation in swaggerDoc.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.Responses is { } responses)
            {
                var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
                responses.Clear();
                foreach (var pair in ordered)
                {
                    responses.Add(pair.Key, pair.Value);
                }
            }
        }
    }

    /// <summary>
    /// A property that refers to another schema is an <c>allOf</c> wrapper carrying its description.
    /// OpenAPI 3.0 cannot make such a reference nullable (<c>nullable</c> needs a <c>type</c>, and a
    /// <c>type</c> next to <c>allOf</c> makes generators emit a wrapper class per property), so the
    /// wrapper stays plain: such properties are never required, and their descriptions say when they are null.
    /// </summary>
    private static void UnwrapNullableReferences(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var property in schemas.Values.SelectMany(s => s.Properties?.Values.AsEnumerable() ?? []).OfType<OpenApiSchema>())
        {
            if (property.Type == JsonSchemaType.Null && property.AllOf is [OpenApiSchemaReference])
            {
                property.Type = null;
            }
        }
    }
}
