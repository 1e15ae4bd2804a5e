using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>An example body of an operation: the request's (<see cref="Status"/> null) or a response's.</summary>
internal sealed record OpenApiExampleMetadata(int? Status, string ContentType, object Value);

internal static class OpenApiExamples
{
    /// <summary>
    /// Documents an example answer. Examples are typed DTO instances (see <see cref="Examples"/>), written
    /// with the wire's own JSON options, so they cannot drift from the schema without a compile error,
    /// and the lint checks them against the schema.
    /// </summary>
    public static RouteHandlerBuilder WithResponseExample(this RouteHandlerBuilder builder, object example, int status = StatusCodes.Status200OK, string contentType = "application/json") =>
        builder.WithMetadata(new OpenApiExampleMetadata(status, contentType, example));

    /// <summary>Documents an example request body; a string is taken as the body's text (CSV).</summary>
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object example, string contentType = "application/json") =>
        builder.WithMetadata(new OpenApiExampleMetadata(null, contentType, example));
}

/// <summary>Writes the examples of <see cref="OpenApiExampleMetadata"/> into the operation's media types. Runs after the bodies are documented.</summary>
internal sealed class ExampleFilter : IOperationFilter
{
    // Nulls are left out of examples: OpenAPI 3.0 cannot say "null" for a property that refers to another
    // schema (nullable next to allOf does not reach into it), so an explicit null there would not validate.
    private static readonly JsonSerializerOptions Json = new(ApiJson.Options)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var example in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OpenApiExampleMetadata>())
        {
            var content = example.Status is { } status
                ? (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) as OpenApiResponse)?.Content
                : (operation.RequestBody as OpenApiRequestBody)?.Content;
            if (content is null || !content.TryGetValue(example.ContentType, out var media) || media is not OpenApiMediaType concrete)
            {
                throw new InvalidOperationException(
                    $"{operation.OperationId}: an example for {example.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "the request"} as {example.ContentType}, which the operation does not document.");
            }

            concrete.Example = example.Value is string text ? JsonValue.Create(text) : JsonSerializer.SerializeToNode(example.Value, example.Value.GetType(), Json);
        }
    }
}
