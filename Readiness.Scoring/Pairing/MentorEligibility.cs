using Readiness.Scoring.Scores;

namespace Readiness.Scoring.Pairing;

/// <summary>Why a municipality may not mentor; null from <see cref="MentorEligibility.WhyNotMentor"/> means it may.</summary>
public enum MentorBarrier
{
    /// <summary>Too few answers to know its readiness.</summary>
    InsufficientData,

    /// <summary>Its tier is below <see cref="PairingOptions.MinMentorTier"/> (a starting or developing place is a mentee instead).</summary>
    TierBelowMentor,

    /// <summary>No designated contact person (own or shared): nobody could do the mentoring.</summary>
    NoContactPerson,

    /// <summary>It carries a flag of <see cref="PairingOptions.MentorExcludedFlags"/>, e.g. volunteers without paid backing: itself overloaded.</summary>
    ExcludedFlag,
}

/// <summary>
/// The one place that says who takes part in pairing and as what: mentees are <c>starting</c> or
/// <c>developing</c>; mentors are at least <see cref="PairingOptions.MinMentorTier"/>, with a contact person
/// and none of the excluded flags; a pair needs the mentor <see cref="PairingOptions.MinScoreGap"/> points
/// ahead. docs/pairing.md explains each rule.
/// </summary>
public static class MentorEligibility
{
    /// <summary>Whether a municipality of this tier looks for a mentor.</summary>
    public static bool IsMentee(ReadinessTier tier) => tier is ReadinessTier.Starting or ReadinessTier.Developing;

    /// <summary>Null when the municipality may mentor, otherwise the first rule it misses (in the order of <see cref="MentorBarrier"/>).</summary>
    public static MentorBarrier? WhyNotMentor(ReadinessTier tier, bool? hasContactPerson, IReadOnlyCollection<string>? flags, PairingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (tier == ReadinessTier.InsufficientData)
        {
            return MentorBarrier.InsufficientData;
        }

        if (tier < options.MinMentorTier || IsMentee(tier))
        {
            return MentorBarrier.TierBelowMentor;
        }

        if (hasContactPerson != true)
        {
            return MentorBarrier.NoContactPerson;
        }

        return flags is not null && flags.Any(options.MentorExcludedFlags.Contains) ? MentorBarrier.ExcludedFlag : null;
    }

    /// <summary>Whether the municipality may mentor.</summary>
    public static bool IsMentor(PairingMunicipality municipality, PairingOptions options)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return WhyNotMentor(municipality.Tier, municipality.HasContactPerson, municipality.Flags, options) is null;
    }

    /// <summary>Whether the municipality looks for a mentor.</summary>
    public static bool IsMentee(PairingMunicipality municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return IsMentee(municipality.Tier);
    }

    /// <summary>
    /// Whether the mentor is clearly ahead of the mentee: its score at least <see cref="PairingOptions.MinScoreGap"/>
    /// points higher. A missing score cannot show that.
    /// </summary>
    public static bool IsClearlyAhead(double? mentorScore, double? menteeScore, PairingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return mentorScore is { } high && menteeScore is { } low && high - low >= options.MinScoreGap - 1e-9;
    }
}
