namespace Readiness.Api.Localization;

/// <summary>
/// A run's ETag per language: the German answer (the default) keeps the run's tag, e.g. "run-12", the English one is
/// "run-12-en", so a cache that keys on the tag never hands one language's texts to the other (with Vary: Accept-Language).
/// </summary>
internal static class RunETags
{
    public static string Of(Runs.PublishedRun run) => Of(run.Id);

    public static string Of(long runId)
    {
        var etag = Runs.PublishedRun.ETagOf(runId);
        return Texts.IsEnglish ? string.Concat(etag.AsSpan(0, etag.Length - 1), "-en\"") : etag;
    }
}
