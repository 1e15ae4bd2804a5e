using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Readiness.Data.ApiKeys;

namespace Readiness.Api.Auth;

/// <summary>The key's role is at least <see cref="Minimum"/>.</summary>
internal sealed class RoleRequirement(Role minimum) : IAuthorizationRequirement
{
    public Role Minimum { get; } = minimum;
}

internal sealed class RoleRequirementHandler : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (Caller.Find(context.User) is { } caller && caller.Role >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The fallback for endpoints without a role: open, unless reads need a key. A key that is sent
/// must be valid even where none is needed, so a typo in a partner's configuration shows at once.
/// </summary>
internal sealed class ReadAccessRequirement : IAuthorizationRequirement;

internal sealed class ReadAccessHandler(IOptionsMonitor<AuthOptions> options) : AuthorizationHandler<ReadAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadAccessRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (http?.Items.ContainsKey(ApiKeyAuthentication.InvalidKeyItem) == true)
        {
            return Task.CompletedTask;
        }

        var underApi = http?.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ?? true;
        if (!underApi || !options.CurrentValue.RequireKeyForReads || Caller.Find(context.User) is not null)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
