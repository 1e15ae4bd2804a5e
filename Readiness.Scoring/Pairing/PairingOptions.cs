using System.ComponentModel.DataAnnotations;
using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;

namespace Readiness.Scoring.Pairing;

/// <summary>
/// The parameters of mentor pairing. Defaults and the reasons for them are in docs/pairing.md; every
/// benefit part stays in 0..1 with these defaults, so benefits read as shares of a perfect pair.
/// </summary>
public sealed record PairingOptions
{
    /// <summary>Candidates are shared-border neighbours or places within this centroid distance (km).</summary>
    [Range(0.0, 100.0)]
    public double MaxDistanceKm { get; init; } = 30;

    /// <summary>Whether a mentor may come from another district. Off: the district runs the plan.</summary>
    public bool CrossDistricts { get; init; }

    /// <summary>
    /// A kreisfreie Stadt (a district of its own) may mentor municipalities of the Landkreise it borders: the
    /// city's experience is the nearest there is. Its capacity counts like any mentor's.
    /// </summary>
    public bool CityMentorsAcrossDistrict { get; init; } = true;

    /// <summary>The lowest tier that may mentor: <c>established</c> by default (<c>experienced</c> is stricter).</summary>
    public ReadinessTier MinMentorTier { get; init; } = ReadinessTier.Established;

    /// <summary>A mentor's score is at least this many points above its mentee's: clearly ahead, not a neighbour at eye level.</summary>
    [Range(0.0, 100.0)]
    public double MinScoreGap { get; init; } = 10;

    /// <summary>
    /// A municipality carrying any of these readiness flags does not mentor: it is itself overloaded
    /// (volunteers without paid backing) or has nobody to do it (no contact person).
    /// </summary>
    public IReadOnlyList<string> MentorExcludedFlags { get; init; } = [ReadinessFlags.VolunteersWithoutPaidBacking, ReadinessFlags.NoContactPerson];

    /// <summary>
    /// Need first: pair as many <c>starting</c> mentees as possible before benefit counts, so a starting mentee
    /// is never left out for a developing one at the same mentor. Off: total benefit alone.
    /// </summary>
    public bool NeedFirst { get; init; } = true;

    /// <summary>At most this many mentees per mentor, so experienced places are not overloaded.</summary>
    [Range(1, 50)]
    public int MaxMenteesPerMentor { get; init; } = 2;

    /// <summary>
    /// Weight per structure key, as in the scoring profile. Null means equal weights. A structure
    /// missing from the map has weight 0 and is never a transfer topic.
    /// </summary>
    public IReadOnlyDictionary<string, double>? StructureWeights { get; init; }

    /// <summary>Share of a structure's weight counted when the mentor has it and the mentee did not answer.</summary>
    [Range(0.0, 1.0)]
    public double MissingAnswerCredit { get; init; } = 0.5;

    /// <summary>Weight of the score gap (mentor score minus mentee score, /100) added to the structure gap.</summary>
    [Range(0.0, 1.0)]
    public double ScoreGapWeight { get; init; } = 0.25;

    /// <summary>A pair needs at least one transfer topic: without a structure to pass on there is nothing concrete to transfer.</summary>
    public bool RequireTopic { get; init; } = true;

    /// <summary>Compatibility factor when the two are not in the same peer group (or a peer group is unknown).</summary>
    [Range(0.0, 1.0)]
    public double OtherPeerGroupFactor { get; init; } = 0.75;

    /// <summary>Feature distance (standardised units) at which compatibility falls to 1/e of its peer-group value.</summary>
    [Range(0.01, 1000.0)]
    public double FeatureDistanceScale { get; init; } = 3;

    /// <summary>Centroid distance (km) at which proximity falls to 1/e, before the shared-border bonus.</summary>
    [Range(0.01, 1000.0)]
    public double DistanceDecayKm { get; init; } = 20;

    /// <summary>Added to proximity for a shared border (proximity is capped at 1).</summary>
    [Range(0.0, 1.0)]
    public double SharedBorderBonus { get; init; } = 0.25;

    /// <summary>Hysteresis: a previous pair counts this share more in the objective (0.10 = +10 % of its benefit).</summary>
    [Range(0.0, 1.0)]
    public double StickinessShare { get; init; } = 0.10;

    /// <summary>Hysteresis: a previous pair counts this absolute amount more in the objective.</summary>
    [Range(0.0, 1.0)]
    public double StickinessAbsolute { get; init; }

    /// <summary>A pair is only worth making when its benefit is above this.</summary>
    [Range(0.0, 1.0)]
    public double MinBenefit { get; init; }

    internal IReadOnlyDictionary<string, double> EffectiveWeights =>
        StructureWeights ?? Structures.All.ToDictionary(s => s, _ => 1.0, StringComparer.Ordinal);

    /// <summary>Throws with the name of the first setting that is out of range.</summary>
    public void Validate()
    {
        Check(MaxDistanceKm is >= 0 and <= 100, nameof(MaxDistanceKm), "must be between 0 and 100 km (mentoring needs visits)");
        Check(MaxMenteesPerMentor is >= 1 and <= 50, nameof(MaxMenteesPerMentor), "must be between 1 and 50");
        Check(MissingAnswerCredit is >= 0 and <= 1, nameof(MissingAnswerCredit), "must be between 0 and 1");
        Check(ScoreGapWeight is >= 0 and <= 1, nameof(ScoreGapWeight), "must be between 0 and 1");
        Check(OtherPeerGroupFactor is >= 0 and <= 1, nameof(OtherPeerGroupFactor), "must be between 0 and 1");
        Check(FeatureDistanceScale is >= 0.01 and <= 1000, nameof(FeatureDistanceScale), "must be between 0.01 and 1000");
        Check(DistanceDecayKm is >= 0.01 and <= 1000, nameof(DistanceDecayKm), "must be between 0.01 and 1000 km");
        Check(SharedBorderBonus is >= 0 and <= 1, nameof(SharedBorderBonus), "must be between 0 and 1");
        Check(StickinessShare is >= 0 and <= 1, nameof(StickinessShare), "must be between 0 and 1");
        Check(StickinessAbsolute is >= 0 and <= 1, nameof(StickinessAbsolute), "must be between 0 and 1");
        Check(MinBenefit is >= 0 and <= 1, nameof(MinBenefit), "must be between 0 and 1");
        Check(MinScoreGap is >= 0 and <= 100, nameof(MinScoreGap), "must be between 0 and 100 points");
        Check(MinMentorTier is ReadinessTier.Established or ReadinessTier.Experienced, nameof(MinMentorTier), "must be established or experienced");
        Check(MentorExcludedFlags is not null, nameof(MentorExcludedFlags), "must be a list (empty for none)");
        foreach (var flag in MentorExcludedFlags ?? [])
        {
            Check(ReadinessFlags.All.Contains(flag), nameof(MentorExcludedFlags), $"names an unknown flag '{flag}'; known: {string.Join(", ", ReadinessFlags.All)}");
        }

        foreach (var (key, weight) in EffectiveWeights)
        {
            Check(Structures.All.Contains(key), nameof(StructureWeights), $"names an unknown structure '{key}'");
            Check(weight >= 0 && double.IsFinite(weight), nameof(StructureWeights), $"weight of '{key}' must be a finite number >= 0");
        }

        Check(EffectiveWeights.Values.Sum() > 0, nameof(StructureWeights), "must give at least one structure a weight above 0");
    }

    private static void Check(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Pairing option {name} {message}.", name);
        }
    }
}
