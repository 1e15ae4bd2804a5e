using Readiness.Scoring.Geo;

namespace Readiness.Scoring.Pairing;

/// <summary>The readiness tier as pairing reads it; the score's own tier maps onto it one to one.</summary>
public enum PairingTier
{
    InsufficientData,
    Starting,
    Developing,
    Established,
    Experienced,
}

/// <summary>
/// One municipality as pairing sees it: who it is, where it is, how ready it is and which structures
/// it has. <paramref name="Structures"/> maps structure keys (<see cref="Model.Structures"/>) to
/// true, false or null (not answered); a key that is absent counts as not answered.
/// <paramref name="Features"/> is the standardised framework-condition vector of the peer groups
/// (may be empty: no feature distance is then applied).
/// </summary>
public sealed record PairingMunicipality(
    string Ags,
    string Name,
    string DistrictKey,
    GeoPoint? Location,
    PairingTier Tier,
    double? Score,
    bool? HasContactPerson,
    IReadOnlyDictionary<string, bool?> Structures,
    int? PeerGroupId,
    IReadOnlyList<double> Features)
{
    internal bool IsMentee => Tier is PairingTier.Starting or PairingTier.Developing;

    internal bool IsMentor => Tier is PairingTier.Established or PairingTier.Experienced && HasContactPerson == true;

    internal bool? Has(string structure) => Structures.TryGetValue(structure, out var value) ? value : null;
}

/// <summary>A pair recommended by the previous run, for hysteresis.</summary>
public sealed record PreviousPair(string MenteeAgs, string MentorAgs);
