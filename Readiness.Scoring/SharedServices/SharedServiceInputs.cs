using Readiness.Scoring.Geo;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// One municipality as shared-service grouping sees it. <paramref name="ForeignResidents"/> is census-based
/// and may be null (then it counts as 0 towards a floor: a group is never declared big enough on a guess).
/// <paramref name="UnionKey"/> is the Verwaltungsgemeinschaft (or Amt, Samtgemeinde, Verbandsgemeinde).
/// <paramref name="Structures"/> maps structure keys to true, false or null (not answered).
/// </summary>
public sealed record SharedServiceMunicipality(
    string Ags,
    string Name,
    string DistrictKey,
    GeoPoint? Location,
    long Population,
    double? ForeignResidents,
    string? UnionKey,
    bool? HasContactPerson,
    IReadOnlyDictionary<string, bool?> Structures);
