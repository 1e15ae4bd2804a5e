namespace Readiness.Api.Localization;

/// <summary>
/// A run's ETag per language: the German answer (the default) keeps the run's tag, e.g. "run-12", the English one is
/// "run-12-en", so a cache that keys on the tag never hands one language's texts to the other (with Vary: Accept-Language).
/// </summary>
internal static class RunETags
{
    public static string Of(Runs.PublishedRun run) => Of(run.Id);

    /// <param name="runId">The run.</param>
    /// <param name="variant">What else the answer depends on besides run and language (e.g. <c>d7</c>, the district's decisions), or null.</param>
    public static string Of(long runId, string? variant = null)
    {
        var etag = Runs.PublishedRun.ETagOf(runId);
        etag = variant is null ? etag : string.Concat(etag.AsSpan(0, etag.Length - 1), "-", variant, "\"");
        return Texts.IsEnglish ? string.Concat(etag.AsSpan(0, etag.Length - 1), "-en\"") : etag;
    }
}
