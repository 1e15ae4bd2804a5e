using System.Security.Claims;
using System.Text.Json.Serialization;
using System.Text.Json;
using Readiness.Api.Assessments;
using Readiness.Api.Auth;
using Readiness.Api.Localization;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;
using Readiness.Data.Profiles;
using Readiness.Data;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Readiness;

/// <summary>A scoring profile with its bookkeeping.</summary>
/// <param name="Name">Profile name, used in <c>?profile=</c>.</param>
/// <param name="Builtin">Whether it ships with the service (it can still be edited).</param>
/// <param name="Nightly">Whether every nightly run computes it; other profiles are computed on first request.</param>
/// <param name="Version">Increases with every change.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="UpdatedBy">Who changed it last (API key name or seed).</param>
/// <param name="Definition">Indicators, goalposts, weights, normalisation, aggregation, coverage floor, tier thresholds, robustness settings.</param>
public sealed record ProfileDto(string Name, bool Builtin, bool Nightly, long Version, DateTimeOffset UpdatedAt, string UpdatedBy, ScoringProfile Definition);

internal static class ProfileEndpoints
{
    private const long MaxBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions StrictJson = new(ScoringJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static IEndpointRouteBuilder MapProfileEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/profiles").WithTags("Profiles");

        group.MapGet("/", ListProfiles)
            .WithName("ListProfiles")
            .WithSummary("List scoring profiles")
            .WithDescription("Every scoring profile: the built-in `default` and those planners created. docs/scoring.md explains each indicator, goalpost and weight.");

        group.MapGet("/{name}", GetProfile)
            .WithName("GetProfile")
            .WithSummary("Get a scoring profile")
            .WithDescription("One profile with its full definition.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{name}", PutProfile)
            .RequireRole(Role.Admin)
            .DocumentsBody<ScoringProfile>("application/json")
            .WithName("PutProfile")
            .WithSummary("Create or replace a scoring profile")
            .WithDescription("Admin. The body is a profile definition (see GET /api/v1/profiles/default for a complete one). Checked before it is "
                + "stored: weights ≥ 0 and not all zero, floor below target, tier thresholds in order, known indicator keys; every problem is "
                + "named by its JSON path under `errors`. The next run scores it if it is marked nightly; otherwise it is computed on first request.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return routes;
    }

    internal static Ok<IReadOnlyList<ProfileDto>> ListProfiles(ProfileStore profiles) =>
        TypedResults.Ok<IReadOnlyList<ProfileDto>>([.. profiles.List().Select(ToDto)]);

    internal static Results<Ok<ProfileDto>, ProblemHttpResult> GetProfile([Description("Profile name, e.g. default.")] string name, ProfileStore profiles) =>
        profiles.Find(name) is { } profile ? TypedResults.Ok(ToDto(profile)) : Problems.NotFound("Profile", name);

    internal static async Task<Results<Ok<ProfileDto>, Created<ProfileDto>, ValidationProblem, ProblemHttpResult>> PutProfile(
        [Description("Profile name: letters, digits and - (1..64).")] string name,
        HttpRequest request,
        ClaimsPrincipal user,
        Database database,
        ProfileStore profiles,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Problems.Invalid("name", Texts.Get("Problem.ProfileName"));
        }

        if (!RequestBody.IsJson(request))
        {
            return BodyProblems.UnsupportedMediaType(request.ContentType, "application/json");
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return BodyProblems.TooLarge(MaxBodyBytes);
        }

        ScoringProfile? profile;
        try
        {
            profile = body.Length == 0 ? null : JsonSerializer.Deserialize<ScoringProfile>(body, StrictJson);
        }
        catch (JsonException exception)
        {
            var path = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
            return Problems.Invalid(path, BodyProblems.NotJson(exception, "Problem.ProfileInvalid"));
        }

        if (profile is null)
        {
            return Problems.Invalid("body", Texts.Get("Problem.ProfileEmpty"));
        }

        if (!string.IsNullOrEmpty(profile.Name) && profile.Name != name)
        {
            return Problems.Invalid("name", Texts.Format("Problem.ProfileNames", profile.Name, name));
        }

        profile = profile with { Name = name };
        var errors = ProfileValidator.Check(profile);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(Say).ToArray(), StringComparer.Ordinal));
        }

        var existed = profiles.Find(name) is not null;
        var caller = Caller.From(user);
        database.InTransaction((connection, transaction) =>
        {
            var version = ProfileStore.Save(connection, transaction, profile, caller.Name, time.GetUtcNow());
            AuditLog.Record(connection, transaction, new AuditEntry(caller.Actor, AuditActions.ProfileUpdate, name, new { version, created = !existed, profile.Nightly }));
            return version;
        });

        var stored = ToDto(profiles.Find(name)!);
        return existed ? TypedResults.Ok(stored) : TypedResults.Created($"/api/v1/profiles/{name}", stored);
    }

    /// <summary>The error in the reader's language, from its code; its English message for a code without a text.</summary>
    private static string Say(ProfileError error) =>
        Texts.Find("Profile." + error.Code) is { } text ? string.Format(Texts.Culture, text, [.. error.Arguments]) : error.Message;

    private static ProfileDto ToDto(StoredProfile p) => new(p.Name, p.Builtin, p.Nightly, p.Version, p.UpdatedAt, p.UpdatedBy, p.Profile);
}
