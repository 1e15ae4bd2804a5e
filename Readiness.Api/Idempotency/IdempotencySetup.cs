using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;
using Readiness.Data.Idempotency;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.Idempotency;

/// <summary>Marks an endpoint that accepts <c>Idempotency-Key</c>; the OpenAPI document then shows the header and the 422.</summary>
internal sealed class IdempotentMetadata;

internal static class IdempotencySetup
{
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IdempotencyStore>();
        services.TryAddSingleton<IdempotencyKeys>();
        services.ConfigureSwaggerGen(options => options.OperationFilter<IdempotencyKeyFilter>());
        return services;
    }

    /// <summary>The endpoint accepts <c>Idempotency-Key</c> (and may answer 422 for a key reused with another request).</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new IdempotentMetadata())
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>Documents the optional <c>Idempotency-Key</c> header and what its 422 means.</summary>
internal sealed class IdempotencyKeyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentMetadata>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Optional; makes a retry safe (IETF httpapi Idempotency-Key draft). A key of your choosing, e.g. a UUID, "
                + $"1..{IdempotencyKeys.MaxLength} visible ASCII characters, per API key. The same key with the same request (address and body) "
                + "answers the first successful answer again (status and body) and writes nothing; the same key with another request is a 422 problem. "
                + "Keys are kept at least 24 hours. A request that failed is not recorded.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeys.MaxLength },
        });

        // A write that creates (201) answers 200 when the same thing is already stored: a duplicate, nothing written.
        if (operation.Responses?.ContainsKey("201") == true && operation.Responses.GetValueOrDefault("200") is OpenApiResponse duplicate)
        {
            duplicate.Description = "A duplicate: an identical one is already stored (for assessments: same reference date, answers and note). "
                + "It is answered, and nothing was written.";
        }

        if (operation.Responses?.GetValueOrDefault("422") is OpenApiResponse unprocessable)
        {
            unprocessable.Description = "The Idempotency-Key was already used with another request (address or body); nothing was written.";
        }
    }
}
