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

        // The framework registers its authorization services as transient: every request built them afresh (a tenth of
        // what an anonymous read allocated). They hold no state of a request's, so one of each serves all.
        services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        services.AddSingleton<IAuthorizationHandlerProvider, DefaultAuthorizationHandlerProvider>();
        services.AddSingleton<IAuthorizationEvaluator, DefaultAuthorizationEvaluator>();
        services.AddSingleton<IAuthorizationHandlerContextFactory, DefaultAuthorizationHandlerContextFactory>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.Policy.IPolicyEvaluator, Microsoft.AspNetCore.Authorization.Policy.PolicyEvaluator>();
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
