using Microsoft.AspNetCore.Authorization;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;

namespace Readiness.Api.Auth;

/// <summary>Wiring of API keys, roles, rate limits and their OpenAPI description.</summary>
internal static class AuthSetup
{
    public static IServiceCollection AddReadinessAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ActiveKeyCache>();
        services.AddSingleton<AuditQueries>();

        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);

        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Enum.GetValues<Role>())
        {
            authorization.AddPolicy(AuthEndpoints.PolicyName(role), policy => policy.AddRequirements(new RoleRequirement(role)));
        }

        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new ReadAccessRequirement()).Build());
        services.AddSingleton<IAuthorizationHandler, RoleRequirementHandler>();
        services.AddSingleton<IAuthorizationHandler, ReadAccessHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        services.AddReadinessRateLimits();

        services.ConfigureSwaggerGen(options =>
        {
            options.AddSecurityDefinition(ApiKeyOperationFilter.SchemeId, ApiKeyOperationFilter.Scheme);
            options.OperationFilter<ApiKeyOperationFilter>();
        });
        return services;
    }

    /// <summary>Authentication, then the rate limiter (so it can tell keys apart), then authorization.</summary>
    public static WebApplication UseReadinessAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
