using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.OpenApi;

/// <summary>
/// A request body the handler reads itself, described for the OpenAPI document only. Unlike
/// <c>.Accepts(...)</c>, it does not make routing refuse other content types with a bare 415, so
/// the handler can answer with a problem that says what to send.
/// </summary>
internal sealed record DocumentedBody(Type Type, string ContentType);

internal static class DocumentedBodies
{
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder, string contentType) =>
        builder.WithMetadata(new DocumentedBody(typeof(T), contentType));
}

internal sealed class DocumentedBodyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var bodies = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<DocumentedBody>().ToList();
        if (bodies.Count == 0)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = bodies.ToDictionary(
                b => b.ContentType,
                b => new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(b.Type, context.SchemaRepository) }),
        };
    }
}
