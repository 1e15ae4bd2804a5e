using System.Runtime.CompilerServices;
using System.Text.Json;
using Readiness.Api.Localization;
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

    /// <summary>The answer of <paramref name="entry"/> in the request's language.</summary>
    public static byte[] Serve(ScoreEntry entry)
    {
        var languages = Served.GetValue(entry, _ => new byte[]?[2]);
        var index = Texts.IsEnglish ? 1 : 0;
        return Volatile.Read(ref languages[index]) ?? (languages[index] = Localize(entry.Json));
    }

    public static byte[] Localize(byte[] stored)
    {
        var answer = JsonSerializer.Deserialize<ReadinessDto>(stored, ApiJson.Options)!;
        return JsonSerializer.SerializeToUtf8Bytes(Localize(answer), ApiJson.Options);
    }

    public static ReadinessDto Localize(ReadinessDto answer) => answer with
    {
        TierLabel = Labels.Tier(answer.Tier),
        FlagTexts = [.. answer.Flags.Select(flag => new FlagTextDto(flag, Labels.Flag(flag)))],
        Pillars = [.. answer.Pillars.Select(p => p with { Label = Labels.Pillar(p.Key) })],
        Indicators = [.. answer.Indicators.Select(i => i with { Label = Labels.Indicator(i.Key) })],
        Recommendations = [.. answer.Recommendations.Select(r => r with
        {
            Label = Labels.Structure(r.Structure),
            Text = Sentence(answer.Name, r, answer.Comparison?.Basis == ReadinessAnswers.SimilarBasis),
        })],
        Comparison = answer.Comparison is { } comparison
            ? comparison with { Label = Texts.Get(comparison.Basis == ReadinessAnswers.SimilarBasis ? "Comparison.Similar" : "Comparison.PeerGroup") }
            : null,
    };

    /// <summary>"Andechs sollte eine Ehrenamtskoordination einrichten: Das brächte etwa 6,2 Punkte. …"</summary>
    public static string Sentence(string name, RecommendationDto recommendation, bool similar = false) => recommendation.ExpectedGain is { } gain
        ? Texts.Format(similar ? "Recommendation.WithGain.Similar" : "Recommendation.WithGain", name, Labels.StructureAction(recommendation.Structure), Texts.Number(gain),
            Texts.Number(recommendation.PeersHaving, 0), Texts.Number(recommendation.PeersAtHigherTier, 0))
        : Texts.Format(similar ? "Recommendation.NoGain.Similar" : "Recommendation.NoGain", name, Labels.StructureAction(recommendation.Structure), null,
            Texts.Number(recommendation.PeersHaving, 0), Texts.Number(recommendation.PeersAtHigherTier, 0));
}
