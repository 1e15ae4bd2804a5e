namespace Readiness.Scoring.Pairing;

/// <summary>The part a municipality plays in pairing.</summary>
public enum PairingRole
{
    /// <summary>Neither mentee nor mentor.</summary>
    None,

    /// <summary>Starting or developing: looks for a mentor.</summary>
    Mentee,

    /// <summary>May mentor (<see cref="MentorEligibility"/>).</summary>
    Mentor,
}

/// <summary>
/// Why a municipality's pairing is what it is, as a machine code the HTTP layer renders in words. Each reason
/// is checked against the solution; the definitions are in docs/pairing.md.
/// </summary>
public enum PairingRoleReason
{
    /// <summary>Mentee with a mentor.</summary>
    MenteePaired,

    /// <summary>Mentee: no mentor at all borders it or lies within the distance limit, in any district.</summary>
    NoMentorInReach,

    /// <summary>Mentee: mentors clearly ahead are within reach only across a district border the rules keep closed.</summary>
    MentorsOnlyAcrossDistrictBorder,

    /// <summary>Mentee: mentors are within reach, but none is <see cref="PairingOptions.MinScoreGap"/> points ahead.</summary>
    MentorsNotClearlyAhead,

    /// <summary>Mentee: candidate mentors, but none has a structure it lacks (benefit not above the minimum).</summary>
    NoBenefit,

    /// <summary>Mentee: every useful candidate mentor is full with mentees that come first (starting before developing) or bring at least as much.</summary>
    CandidatesAtCapacity,

    /// <summary>Mentor with at least one mentee.</summary>
    MentorPaired,

    /// <summary>Mentor: no mentee borders it or lies within the distance limit, in any district.</summary>
    NoMenteeInReach,

    /// <summary>Mentor: the mentees it is clearly ahead of lie only across a district border the rules keep closed.</summary>
    MenteesOnlyAcrossDistrictBorder,

    /// <summary>Mentor: mentees are within reach, but it is not <see cref="PairingOptions.MinScoreGap"/> points ahead of any.</summary>
    NotClearlyAheadOfMenteesInReach,

    /// <summary>Mentor: it is a candidate, but has no structure any of those mentees lacks.</summary>
    NothingToPass,

    /// <summary>Mentor: its useful mentees all have a mentor that comes first in the optimum.</summary>
    MenteesPairedElsewhere,

    /// <summary>Neither: too few answers to know its readiness.</summary>
    InsufficientData,

    /// <summary>Neither: its tier is below the lowest mentor tier (and above the mentee tiers).</summary>
    TierBelowMentor,

    /// <summary>Neither: its tier would let it mentor, but it has no contact person (own or shared).</summary>
    NoContactPerson,

    /// <summary>Neither: its tier would let it mentor, but it carries an excluded flag (itself overloaded).</summary>
    ExcludedFlag,
}

/// <summary>A municipality's pairing role and the reason for it.</summary>
public sealed record PairingRoleExplanation(PairingRole Role, PairingRoleReason Reason);
