namespace Readiness.Api.Localization;

/// <summary>
/// A run's ETag per language: the German answer (the default) keeps the run's tag, e.g. "run-12", the English one is
/// "run-12-en", so a cache that keys on the tag never hands one language's texts to the other (with Vary: Accept-Language).
/// </summary>
internal static class RunETags
{
    public static string Of(Runs.PublishedRun run) =>
        Texts.IsEnglish ? string.Concat(run.ETag.AsSpan(0, run.ETag.Length - 1), "-en\"") : run.ETag;
}
