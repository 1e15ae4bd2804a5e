using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Readiness.Data.ApiKeys;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Readiness.Api.Auth;

/// <summary>
/// Marks exactly the operations that need a key with the <c>ApiKey</c> security scheme, from the
/// endpoint's own metadata: a required role, or every read under <c>/api</c> when reads need a key.
/// </summary>
internal sealed class ApiKeyOperationFilter(IOptions<AuthOptions> options) : IOperationFilter
{
    public const string SchemeId = "ApiKey";

    public static OpenApiSecurityScheme Scheme => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = ApiKeyAuthentication.Header,
        Description = "An API key (rdy_…) created with the keys command. Roles: reader < planner < admin; "
            + "a planner key may be limited to districts. Reads need no key unless the service is configured so.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // Open to everyone, key or not: an empty requirement says so (and lints under Redocly's security-defined).
            operation.Security = [new OpenApiSecurityRequirement()];
            return;
        }

        var role = metadata.OfType<RequiredRoleMetadata>().Select(m => (Role?)m.Role).Max();
        var isRead = role is null && (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) ?? false);
        if (role is null && !(isRead && options.Value.RequireKeyForReads))
        {
            // A read that needs no key: the key is optional (a sent key must be valid), [{}, {"ApiKey": []}].
            operation.Security = [new OpenApiSecurityRequirement(), Requirement(context)];
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(Requirement(context));
        var needs = $"Needs an API key in the `{ApiKeyAuthentication.Header}` header with the **{Roles.Name(role ?? Role.Reader)}** role or higher.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : $"{operation.Description}\n\n{needs}";
    }

    private static OpenApiSecurityRequirement Requirement(OperationFilterContext context) =>
        new() { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] };
}
