using System.Globalization;
using Microsoft.Net.Http.Headers;
using Readiness.Api.Localization;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Runs;

/// <summary>
/// What a result endpoint answers from, found by <see cref="ServedRunFilter"/> before the handler runs:
/// the published run and, where the endpoint takes <c>?profile=</c>, that profile's scores.
/// </summary>
internal sealed record ServedRun(PublishedRun Run, ProfileScores Scores)
{
    public long Id => Run.Id;

    /// <summary>The profile's name, <c>default</c> when the request named none.</summary>
    public string Profile => Scores.Name;
}

/// <summary>Marks the endpoints that answer from a published run: they get <see cref="ServedRunFilter"/>.</summary>
internal sealed record ServedRunMetadata(bool TakesProfile, bool Conditional, bool EarlierFromStore = false, bool ShowsDecisions = false);

/// <summary>Marks an endpoint whose answer carries the run's ETag (and 304 to a matching If-None-Match); the OpenAPI document says so.</summary>
internal sealed class RunETagMetadata;

internal static class ServedRuns
{
    /// <summary>
    /// The opening every result endpoint shares, in one place: the AGS or district key checked, the run
    /// picked from <c>?run=</c> (503 before the first publish, 404 for an unknown run), the municipality
    /// and the profile looked up (404), and, when <paramref name="conditional"/>, the run's ETag and
    /// <c>X-Run-Id</c> set with 304 to a matching If-None-Match.
    /// </summary>
    /// <remarks>
    /// <paramref name="earlierFromStore"/>: a single municipality's stored answer of an earlier run is read from the store by
    /// run, profile and AGS (<see cref="EarlierRunReadiness"/>) rather than by loading that whole run into memory.
    /// <para><paramref name="showsDecisions"/>: the answer also shows the district's pair decisions, which change between runs; the
    /// ETag then carries the district's decision version too.</para>
    /// </remarks>
    public static RouteHandlerBuilder ServesRun(
        this RouteHandlerBuilder builder, bool profile = false, bool conditional = true, bool earlierFromStore = false, bool showsDecisions = false)
    {
        builder.WithMetadata(new ServedRunMetadata(profile, conditional, earlierFromStore, showsDecisions)).AddEndpointFilter<ServedRunFilter>();
        return conditional ? builder.WithMetadata(new RunETagMetadata()).Produces(StatusCodes.Status304NotModified) : builder;
    }

    /// <summary>The run (and profile) the opening found for this request.</summary>
    public static ServedRun ServedRun(this HttpContext context) =>
        context.Features.Get<ServedRun>() ?? throw new InvalidOperationException("The endpoint is not marked with ServesRun().");

    /// <summary>
    /// Sets a run's ETag, <c>Cache-Control: no-cache</c> and <c>X-Run-Id</c>, and says whether the client already
    /// has this answer (a matching If-None-Match): one ETag per run and language, since a published run never changes
    /// (and per <paramref name="variant"/>, for what else the answer shows).
    /// </summary>
    public static bool NotModified(HttpContext context, long runId, string? variant = null)
    {
        var etag = RunETags.Of(runId, variant);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Run-Id"] = runId.ToString(CultureInfo.InvariantCulture);
        // Most requests carry no If-None-Match: only parse it when there is one (this is on every read).
        if (context.Request.Headers.IfNoneMatch.Count == 0)
        {
            return false;
        }

        return context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag);
    }

    /// <summary>The default profile's scores, or the named one's.</summary>
    public static string ProfileName(string? requested) => requested ?? DefaultProfile.Instance.Name;
}
