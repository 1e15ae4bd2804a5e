using Readiness.Scoring.Model;

namespace Readiness.Scoring.Pairing;

/// <summary>
/// The benefit of one mentee–mentor pair and its parts. Each part is a factor in 0..1 (transfer up to
/// 1 + ScoreGapWeight), so a planner can read "0.4 compatibility" as "transfer is hampered by different
/// conditions" without knowing the formula.
/// </summary>
internal sealed class PairBenefit(PairingOptions options)
{
    private readonly IReadOnlyDictionary<string, double> weights = options.EffectiveWeights;
    private readonly double totalWeight = options.EffectiveWeights.Values.Sum();

    public (BenefitParts Parts, IReadOnlyList<TransferTopic> Topics) Evaluate(
        PairingMunicipality mentee, PairingMunicipality mentor, double distanceKm, bool sharesBorder)
    {
        var topics = new List<TransferTopic>();
        var gap = 0.0;
        foreach (var structure in Structures.All)
        {
            var weight = weights.GetValueOrDefault(structure);
            if (weight <= 0 || mentor.Has(structure) != true)
            {
                continue;
            }

            switch (mentee.Has(structure))
            {
                case false:
                    gap += weight;
                    topics.Add(new TransferTopic(structure, weight, MenteeAnswerMissing: false));
                    break;
                case null when options.MissingAnswerCredit > 0:
                    gap += weight * options.MissingAnswerCredit;
                    topics.Add(new TransferTopic(structure, weight, MenteeAnswerMissing: true));
                    break;
            }
        }

        // Heaviest topic first; answered gaps before unanswered ones; the key keeps it deterministic.
        IReadOnlyList<TransferTopic> ordered = [.. topics
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.MenteeAnswerMissing)
            .ThenBy(t => t.Structure, StringComparer.Ordinal)];

        var structureGap = gap / totalWeight;
        var scoreGap = mentor.Score is { } high && mentee.Score is { } low ? Math.Clamp((high - low) / 100, 0, 1) : 0;
        var transfer = options.RequireTopic && topics.Count == 0 ? 0 : structureGap + options.ScoreGapWeight * scoreGap;

        var samePeerGroup = SamePeerGroup(mentee, mentor);
        var featureDistance = FeatureDistance(mentee.Features, mentor.Features);
        var compatibility = (samePeerGroup ? 1 : options.OtherPeerGroupFactor)
            * (featureDistance is { } d ? Math.Exp(-d / options.FeatureDistanceScale) : 1);

        var proximity = Math.Min(1, Math.Exp(-distanceKm / options.DistanceDecayKm) + (sharesBorder ? options.SharedBorderBonus : 0));

        var parts = new BenefitParts(transfer * compatibility * proximity, transfer, structureGap, scoreGap, compatibility, proximity, featureDistance);
        return (parts, ordered);
    }

    public static bool SamePeerGroup(PairingMunicipality a, PairingMunicipality b) =>
        a.PeerGroupId is { } x && b.PeerGroupId is { } y && x == y;

    private static double? FeatureDistance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0 || a.Count != b.Count)
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < a.Count; i++)
        {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }

        return Math.Sqrt(sum);
    }
}
