namespace Readiness.Api.Endpoints;

/// <summary>Marks an endpoint that answers from a published run with the run's ETag (and 304 to a matching If-None-Match).</summary>
internal sealed class RunETagMetadata;

internal static class RunETags
{
    /// <summary>Documents the run's ETag, <c>X-Run-Id</c> and the 304 answer; <see cref="RunSelection.NotModified"/> implements them.</summary>
    public static RouteHandlerBuilder WithRunETag(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RunETagMetadata()).Produces(StatusCodes.Status304NotModified);
}
