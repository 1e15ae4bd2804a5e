using Microsoft.OpenApi;
using Readiness.Api.Runs;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>Documents the run's ETag on the endpoints marked with <see cref="ServedRuns.ServesRun"/>: If-None-Match, ETag, X-Run-Id and 304.</summary>
internal sealed class RunETagFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RunETagMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Description = "The ETag of an earlier answer: 304 without a body while the same run is still the one read.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });

        if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse ok)
        {
            StandardResponsesFilter.AddHeader(ok, "ETag", "The run's entity tag, e.g. \"run-12\": one per run, since a published run never changes.", JsonSchemaType.String);
            StandardResponsesFilter.AddHeader(ok, "X-Run-Id", "The id of the run the answer comes from.", JsonSchemaType.Integer);
        }

        if (operation.Responses?.GetValueOrDefault("304") is OpenApiResponse notModified)
        {
            notModified.Description = "Not modified: the run whose ETag was sent in If-None-Match is still the one read.";
        }
    }
}
