using Microsoft.AspNetCore.Mvc;
using Readiness.Api.Localization;
using Readiness.Data.ApiKeys;

namespace Readiness.Api.Auth;

/// <summary>
/// What an endpoint says about access. <c>.RequireRole(Role.Admin)</c> on an endpoint or group
/// needs a key with that role or a higher one; the OpenAPI document then marks the operation as
/// needing the <c>ApiKey</c> scheme and lists its 401 and 403 answers.
/// </summary>
public static class AuthEndpoints
{
    public static string PolicyName(Role role) => $"role:{Roles.Name(role)}";

    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, Role role)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RequireAuthorization(PolicyName(role));
        builder.WithMetadata(
            new RequiredRoleMetadata(role),
            new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(ProblemDetails), ["application/problem+json"]),
            new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(ProblemDetails), ["application/problem+json"]));
        return builder;
    }

    /// <summary>Counts a POST that changes nothing (e.g. a what-if) against the read rate limit instead of the write limit.</summary>
    public static TBuilder CountsAsRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CountsAsReadMetadata());

    /// <summary>The 403 for a key that may not write in the district of <paramref name="ags"/>.</summary>
    internal static ProblemHttpResult OutsideDistricts(Caller caller, string ags) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: Texts.Get("Auth.OutsideDistricts.Title"),
            detail: Texts.Format("Auth.OutsideDistricts.Detail", caller.Name, string.Join(", ", caller.Districts), ags, ags[..Math.Min(5, ags.Length)]));
}

/// <summary>The least role an endpoint needs; read by the OpenAPI filter.</summary>
public sealed record RequiredRoleMetadata(Role Role);

/// <summary>Marks a non-GET endpoint that only reads.</summary>
public sealed record CountsAsReadMetadata;
