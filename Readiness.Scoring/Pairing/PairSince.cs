namespace Readiness.Scoring.Pairing;

/// <summary>A pair of an earlier run with the run it has stood since.</summary>
public sealed record PairSinceRun(string MenteeAgs, string MentorAgs, long SinceRunId);

/// <summary>How long a pair has stood: the rule the stored runs and the changes view share.</summary>
public static class PairSince
{
    /// <summary>
    /// For each new pair, in order: the run it has stood since. A pair the previous run also had keeps that
    /// run's <c>since</c> (mentee and mentor both the same); any other pair starts with <paramref name="runId"/>.
    /// A pair that was dropped for a night and comes back starts afresh: it was not agreed in between.
    /// </summary>
    public static IReadOnlyList<long> Carry(IReadOnlyCollection<PairSinceRun>? previous, IReadOnlyList<MentorPair> pairs, long runId)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var since = new Dictionary<(string, string), long>();
        foreach (var p in previous ?? [])
        {
            since[(p.MenteeAgs, p.MentorAgs)] = p.SinceRunId;
        }

        return [.. pairs.Select(p => since.TryGetValue((p.MenteeAgs, p.MentorAgs), out var run) ? run : runId)];
    }
}
