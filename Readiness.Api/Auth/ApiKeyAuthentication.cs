using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Readiness.Data.ApiKeys;

namespace Readiness.Api.Auth;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header. Keys are looked up through the
/// <see cref="ActiveKeyCache"/>: from memory while the store is unchanged, so a key created or revoked
/// with <c>keys</c> on the command line still counts from the next request on, without a restart.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ActiveKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>Set on the request when a key was sent but is unknown or revoked, for the 401's message.</summary>
    public const string InvalidKeyItem = "readiness:invalid-api-key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var secret = values.ToString().Trim();
        var key = values.Count == 1 && secret.Length is > 0 and <= 200 ? keys.FindActive(secret) : null;
        if (key is null)
        {
            Context.Items[InvalidKeyItem] = true;
            return Task.FromResult(AuthenticateResult.Fail("The API key is unknown or revoked."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Caller.Principal(key), SchemeName)));
    }
}
