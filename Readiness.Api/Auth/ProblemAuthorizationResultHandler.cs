using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Readiness.Api.Localization;
using Readiness.Data.ApiKeys;

namespace Readiness.Api.Auth;

/// <summary>Answers a refused request with a problem that says what is missing: a valid key (401) or a stronger role (403).</summary>
internal sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthentication.SchemeName} header=\"{ApiKeyAuthentication.Header}\"";
            var invalid = context.Items.ContainsKey(ApiKeyAuthentication.InvalidKeyItem);
            await Write(context, StatusCodes.Status401Unauthorized,
                Texts.Get(invalid ? "Auth.InvalidKey.Title" : "Auth.MissingKey.Title"),
                Texts.Format(invalid ? "Auth.InvalidKey.Detail" : "Auth.MissingKey.Detail", ApiKeyAuthentication.Header));
        }
        else if (authorizeResult.Forbidden)
        {
            var needed = policy.Requirements.OfType<RoleRequirement>().Select(r => r.Minimum).DefaultIfEmpty(Role.Reader).Max();
            var caller = Caller.Find(context.User);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Write(context, StatusCodes.Status403Forbidden, Texts.Get("Auth.WeakRole.Title"),
                Texts.Format("Auth.WeakRole.Detail", Roles.Name(needed), caller?.Name, caller is null ? Texts.Get("Auth.NoRole") : Roles.Name(caller.Role)));
        }
        else
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
        }
    }

    private async Task Write(HttpContext context, int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
}
