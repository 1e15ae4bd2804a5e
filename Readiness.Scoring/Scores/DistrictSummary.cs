using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>One municipality as the district summary sees it.</summary>
/// <param name="Facts">Base data (foreign residents from the census).</param>
/// <param name="Answers">Latest answers; null when there is no assessment.</param>
/// <param name="Source">Where the answers come from; null when there is no assessment.</param>
/// <param name="Tier">Its tier in the current scores.</param>
public sealed record DistrictMember(MunicipalityFacts Facts, AssessmentAnswers? Answers, AssessmentSource? Source, ReadinessTier Tier);

/// <summary>Municipalities per tier.</summary>
public sealed record TierCounts(int Starting, int Developing, int Established, int Experienced, int InsufficientData);

/// <summary>How far a structure reaches across the district.</summary>
/// <param name="Structure">Key from <see cref="Structures"/>.</param>
/// <param name="Having">Municipalities that have it.</param>
/// <param name="Lacking">Municipalities that answered that they lack it.</param>
/// <param name="Unknown">Municipalities without an answer on it (or without an assessment).</param>
/// <param name="ForeignResidentsShareHaving">Share (0..1) of the district's foreign residents living in a municipality that has it; null when the census gives none.</param>
/// <param name="ForeignResidentsShareUnknown">Share (0..1) living in one where it is unknown.</param>
public sealed record StructureCoverage(
    string Structure, int Having, int Lacking, int Unknown, double? ForeignResidentsShareHaving, double? ForeignResidentsShareUnknown);

/// <summary>Where the answers come from: surveyed, illustrative, or none at all.</summary>
public sealed record DataQualityCounts(int Surveyed, int Illustrative, int Missing)
{
    /// <summary><c>surveyed</c> or <c>illustrative</c> when all assessments are of one kind, otherwise <c>mixed</c> (as in the API's <c>dataQuality</c>).</summary>
    public string Label => (Surveyed, Illustrative) switch
    {
        ( > 0, 0) => "surveyed",
        (0, > 0) => "illustrative",
        (0, 0) => "missing",
        _ => "mixed",
    };
}

/// <summary>A district's readiness at a glance: the plan is to reach the whole district, not only the willing.</summary>
/// <param name="Municipalities">Members counted.</param>
/// <param name="ForeignResidents">Foreign residents (census) of the members whose census share is published.</param>
/// <param name="Tiers">Municipalities per tier.</param>
/// <param name="Structures">Per structure: how many have it, lack it, or did not say, and the foreign residents it reaches.</param>
/// <param name="DataQuality">Where the answers come from.</param>
public sealed record DistrictSummary(
    int Municipalities,
    double ForeignResidents,
    TierCounts Tiers,
    IReadOnlyList<StructureCoverage> Structures,
    DataQualityCounts DataQuality)
{
    /// <summary>Summarises the members of one district (or any set of municipalities).</summary>
    public static DistrictSummary Compute(IReadOnlyList<DistrictMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var foreignTotal = members.Sum(m => m.Facts.ForeignResidents ?? 0);
        var tiers = new TierCounts(
            members.Count(m => m.Tier == ReadinessTier.Starting),
            members.Count(m => m.Tier == ReadinessTier.Developing),
            members.Count(m => m.Tier == ReadinessTier.Established),
            members.Count(m => m.Tier == ReadinessTier.Experienced),
            members.Count(m => m.Tier == ReadinessTier.InsufficientData));

        var structures = Model.Structures.All.Select(structure =>
        {
            var state = members.Select(m => (m.Facts.ForeignResidents ?? 0, Has: m.Answers is { } a ? Model.Structures.Has(a, structure) : null)).ToList();
            double? Share(Func<bool?, bool> which) => foreignTotal > 0 ? state.Where(s => which(s.Has)).Sum(s => s.Item1) / foreignTotal : null;
            return new StructureCoverage(
                structure,
                state.Count(s => s.Has == true),
                state.Count(s => s.Has == false),
                state.Count(s => s.Has is null),
                Share(h => h == true),
                Share(h => h is null));
        }).ToList();

        var quality = new DataQualityCounts(
            members.Count(m => m.Answers is not null && m.Source == AssessmentSource.Surveyed),
            members.Count(m => m.Answers is not null && m.Source == AssessmentSource.Illustrative),
            members.Count(m => m.Answers is null || m.Source is null));

        return new DistrictSummary(members.Count, foreignTotal, tiers, structures, quality);
    }
}
