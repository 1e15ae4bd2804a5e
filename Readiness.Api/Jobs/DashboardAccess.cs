using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;
using Readiness.Api.Auth;
using Readiness.Data.ApiKeys;

namespace Readiness.Api.Jobs;

/// <summary>
/// Who may open the Hangfire dashboard: a request with an admin key, sent in <c>X-Api-Key</c>
/// (scripts) or as the password of HTTP basic authentication (browsers ask for it; the user name
/// is ignored); requests from this machine only when <c>Readiness:Jobs:DashboardLocalAccess</c> is on.
/// Basic authentication keeps the key out of URLs, logs and browser history and needs no session
/// state; the dashboard's antiforgery token keeps other sites from pressing its buttons with the
/// credentials the browser remembers.
/// </summary>
internal sealed class DashboardAccess : IDashboardAuthorizationFilter
{
    public const string Challenge = "Basic realm=\"Readiness jobs: an admin API key as the password\", charset=\"UTF-8\"";

    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (Caller.Find(http.User) is { } caller)
        {
            // The middleware answers 403: the key is valid but too weak.
            return caller.Role >= Role.Admin;
        }

        if (BasicPassword(http.Request) is { } secret
            && http.RequestServices.GetRequiredService<ApiKeyStore>().FindActive(secret) is { Role: >= Role.Admin })
        {
            return true;
        }

        var options = http.RequestServices.GetRequiredService<IOptions<JobOptions>>().Value;
        if (options.DashboardLocalAccess && http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
        {
            return true;
        }

        http.Response.Headers.WWWAuthenticate = Challenge;
        return false;
    }

    private static string? BasicPassword(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { Length: > 0 and <= 400 } encoded)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : decoded[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
