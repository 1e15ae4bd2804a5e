using Readiness.Scoring.Geo;
using Readiness.Scoring.Scores;

namespace Readiness.Scoring.Pairing;

/// <summary>
/// One municipality as pairing sees it: who it is, where it is, how ready it is and which structures
/// it has. <paramref name="Structures"/> maps structure keys (<see cref="Model.Structures"/>) to
/// true (present, own or shared), false or null (not answered); a key that is absent counts as not answered.
/// <paramref name="Features"/> is the standardised framework-condition vector of the peer groups
/// (may be empty: no feature distance is then applied). <paramref name="Flags"/> are the readiness flags
/// (<see cref="ReadinessFlags"/>); null for none. <paramref name="IsDistrictFreeCity"/>: a kreisfreie Stadt,
/// which is a district of its own (see <see cref="PairingOptions.CityMentorsAcrossDistrict"/>).
/// </summary>
public sealed record PairingMunicipality(
    string Ags,
    string Name,
    string DistrictKey,
    GeoPoint? Location,
    ReadinessTier Tier,
    double? Score,
    bool? HasContactPerson,
    IReadOnlyDictionary<string, bool?> Structures,
    int? PeerGroupId,
    IReadOnlyList<double> Features,
    IReadOnlyList<string>? Flags = null,
    bool IsDistrictFreeCity = false)
{
    internal bool? Has(string structure) => Structures.TryGetValue(structure, out var value) ? value : null;
}

/// <summary>A pair recommended by the previous run, for hysteresis.</summary>
public sealed record PreviousPair(string MenteeAgs, string MentorAgs);
