using System.Globalization;
using System.Security.Claims;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;

namespace Readiness.Api.Auth;

/// <summary>
/// The API key a request came with, as its authenticated identity carries it. In a handler behind
/// <see cref="AuthEndpoints.RequireRole{TBuilder}"/>, take a <see cref="ClaimsPrincipal"/> parameter
/// and call <see cref="From"/>.
/// </summary>
/// <param name="KeyId">The key's id.</param>
/// <param name="Name">The key's name, e.g. "Landratsamt Starnberg".</param>
/// <param name="Role">The key's role.</param>
/// <param name="Districts">District keys the key may write in; empty = everywhere.</param>
internal sealed record Caller(long KeyId, string Name, Role Role, IReadOnlyList<string> Districts)
{
    public const string DistrictClaim = "readiness:district";

    /// <summary>The caller, or null for a request without a valid key.</summary>
    public static Caller? Find(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Asked by the rate limiter and the authorization of every keyed request: the identity the
        // handler made (Principal) carries the caller, so the claims need not be read back.
        return user.Identity is KeyIdentity { Caller: var known } ? known : null;
    }

    /// <summary>The caller of an endpoint that requires a role; throws if the endpoint forgot to.</summary>
    public static Caller From(ClaimsPrincipal user) =>
        Find(user) ?? throw new InvalidOperationException("This endpoint needs .RequireRole(...): the request has no API key.");

    /// <summary>Whether the key may write data of the municipality <paramref name="ags"/>: its first 5 digits are the district.</summary>
    public bool Covers(string ags) =>
        Districts.Count == 0 || (ags.Length >= 5 && Districts.Contains(ags[..5], StringComparer.Ordinal));

    public AuditActor Actor => new(KeyId, Name, Roles.Name(Role));

    public static ClaimsPrincipal Principal(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, Roles.Name(key.Role)),
        };
        claims.AddRange(key.Districts.Select(d => new Claim(DistrictClaim, d)));
        return new ClaimsPrincipal(new KeyIdentity(claims, new Caller(key.Id, key.Name, key.Role, key.Districts)));
    }

    /// <summary>The identity of a request with a valid key: its claims, and the caller they describe.</summary>
    private sealed class KeyIdentity(IEnumerable<Claim> claims, Caller caller) : ClaimsIdentity(claims, ApiKeyAuthentication.SchemeName)
    {
        public Caller Caller { get; } = caller;
    }
}
