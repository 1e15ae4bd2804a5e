using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>
/// The summary and description partners see are the endpoint's own <c>.WithSummary</c> and
/// <c>.WithDescription</c>; a handler's XML comment is written for developers and must not replace
/// them (Swashbuckle's XML filter would). Runs after the XML filter.
/// </summary>
internal sealed class EndpointSummaryFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault() is { Summary.Length: > 0 } summary)
        {
            operation.Summary = summary.Summary;
        }

        if (metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault() is { Description.Length: > 0 } description
            && !(operation.Description?.StartsWith(description.Description, StringComparison.Ordinal) ?? false))
        {
            operation.Description = description.Description;
        }
    }
}
