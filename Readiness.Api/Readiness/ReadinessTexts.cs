using System.Runtime.CompilerServices;
using System.Text.Json;
using Readiness.Api.Localization;
using Readiness.Api.PeerGroups;
using Readiness.Api.Runs;

namespace Readiness.Api.Readiness;

/// <summary>
/// Adds the texts for people to a stored readiness answer when it is served: the run stores the machine values once
/// (one JSON per municipality and profile), the labels and sentences follow the request's language. Reading the stored
/// answer, adding the texts and writing it again costs tens of microseconds, more than the rest of the read path
/// (docs/benchmarks.md, read path); so each answer is localised once per language, on its first request, and kept with
/// the run's entry (a published run never changes; the copies go with the run).
/// </summary>
internal static class ReadinessTexts
{
    private static readonly ConditionalWeakTable<ScoreEntry, byte[]?[]> Served = [];

    /// <summary>The answer of <paramref name="entry"/> of <paramref name="run"/> in the request's language.</summary>
    public static byte[] Serve(PublishedRun run, ScoreEntry entry)
    {
        var languages = Served.GetValue(entry, _ => new byte[]?[2]);
        var index = Texts.IsEnglish ? 1 : 0;
        return Volatile.Read(ref languages[index]) ?? (languages[index] = Localize(entry.Json, PeerGroupLabels.For(run)));
    }

    /// <param name="stored">The stored answer.</param>
    /// <param name="peerGroupLabels">The peer-group labels of its run in the request's language.</param>
    public static byte[] Localize(byte[] stored, IReadOnlyDictionary<int, string> peerGroupLabels)
    {
        var answer = JsonSerializer.Deserialize<ReadinessDto>(stored, ApiJson.Options)!;
        return JsonSerializer.SerializeToUtf8Bytes(Localize(answer, peerGroupLabels), ApiJson.Options);
    }

    public static ReadinessDto Localize(ReadinessDto answer, IReadOnlyDictionary<int, string> peerGroupLabels) => answer with
    {
        TierLabel = Labels.Tier(answer.Tier),
        PeerGroup = answer.PeerGroup is { } peer ? peer with { Label = peerGroupLabels.GetValueOrDefault(peer.Id, peer.Label) } : null,
        FlagTexts = FlagTexts(answer.Flags),
        Pillars = Pillars(answer.Pillars),
        Indicators = Indicators(answer.Indicators),
        Recommendations = Recommendations(answer.Name, answer.Recommendations, answer.Comparison?.Basis == ReadinessAnswers.SimilarBasis),
        Comparison = answer.Comparison is { } comparison
            ? comparison with { Label = Texts.Get(comparison.Basis == ReadinessAnswers.SimilarBasis ? "Comparison.Similar" : "Comparison.PeerGroup") }
            : null,
    };

    /// <summary>A what-if answer with the same texts as a readiness answer.</summary>
    public static WhatIfDto Localize(WhatIfDto answer) => answer with
    {
        TierLabel = Labels.Tier(answer.Tier),
        FlagTexts = FlagTexts(answer.Flags),
        Pillars = Pillars(answer.Pillars),
        Indicators = Indicators(answer.Indicators),
        Recommendations = Recommendations(answer.Name, answer.Recommendations),
    };

    private static List<FlagTextDto> FlagTexts(IReadOnlyList<string> flags) => [.. flags.Select(flag => new FlagTextDto(flag, Labels.Flag(flag)))];

    private static List<PillarDto> Pillars(IReadOnlyList<PillarDto> pillars) => [.. pillars.Select(p => p with { Label = Labels.Pillar(p.Key) })];

    private static List<IndicatorDto> Indicators(IReadOnlyList<IndicatorDto> indicators) => [.. indicators.Select(i => i with { Label = Labels.Indicator(i.Key) })];

    private static List<RecommendationDto> Recommendations(string name, IReadOnlyList<RecommendationDto> recommendations, bool similar = false) =>
        [.. recommendations.Select(r => r with { Label = Labels.Structure(r.Structure), Text = Sentence(name, r, similar) })];

    /// <summary>"Andechs sollte eine Ehrenamtskoordination einrichten: Das brächte etwa 6,2 Punkte. …"</summary>
    public static string Sentence(string name, RecommendationDto recommendation, bool similar = false) => recommendation.ExpectedGain is { } gain
        ? Texts.Format(similar ? "Recommendation.WithGain.Similar" : "Recommendation.WithGain", name, Labels.StructureAction(recommendation.Structure), Texts.Number(gain),
            Texts.Number(recommendation.PeersHaving, 0), Texts.Number(recommendation.PeersAtHigherTier, 0))
        : Texts.Format(similar ? "Recommendation.NoGain.Similar" : "Recommendation.NoGain", name, Labels.StructureAction(recommendation.Structure), null,
            Texts.Number(recommendation.PeersHaving, 0), Texts.Number(recommendation.PeersAtHigherTier, 0));
}
