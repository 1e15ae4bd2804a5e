using System.Text.Json.Serialization;

namespace Readiness.Scoring.Scores;

// Enums travel as kebab-case strings: JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower).
// Where the policy would not give the documented wire name, the name is pinned by attribute.

/// <summary>Whether more of an indicator is better or worse.</summary>
public enum IndicatorDirection
{
    /// <summary>More is better (the floor is below the target).</summary>
    HigherIsBetter,

    /// <summary>Less is better (the floor is above the target).</summary>
    LowerIsBetter,
}

/// <summary>What an indicator's answer is divided by before it is normalised.</summary>
public enum IndicatorDenominator
{
    /// <summary>Taken as answered.</summary>
    None,

    /// <summary>Per 1,000 residents (GV-ISys population, 31.12.2023).</summary>
    [JsonStringEnumMemberName("per-1000-residents")]
    Per1000Residents,

    /// <summary>Per 1,000 foreign residents (Zensus 2022); missing where the census share is not published.</summary>
    [JsonStringEnumMemberName("per-1000-foreign-residents")]
    Per1000ForeignResidents,
}

/// <summary>How indicator values are brought to 0..1.</summary>
public enum NormalizationMethod
{
    /// <summary>Fixed floor and target per indicator: a score does not move when another municipality changes.</summary>
    Goalposts,

    /// <summary>Min-max over all municipalities scored together, after winsorising.</summary>
    [JsonStringEnumMemberName("minmax")]
    MinMax,

    /// <summary>Percentile rank among all municipalities scored together, after winsorising.</summary>
    Rank,
}

/// <summary>How pillar scores are combined into the score.</summary>
public enum AggregationMethod
{
    /// <summary>Weighted arithmetic mean: full compensation between pillars.</summary>
    Arithmetic,

    /// <summary>Weighted geometric mean: a weak pillar is compensated less by a strong one.</summary>
    Geometric,
}

/// <summary>How far a municipality is along in carrying the integration plan.</summary>
/// <remarks>
/// The one tier type: scoring, pairing, the stored answers and the wire use it. The numeric order is the
/// order of progress (recommendations index by it); the wire names are fixed by the v1 contract.
/// </remarks>
public enum ReadinessTier
{
    /// <summary>Too few answers (below the profile's coverage floor): not scored, not ranked.</summary>
    [JsonStringEnumMemberName("insufficient-data")]
    InsufficientData,

    /// <summary>Just starting: below the developing threshold.</summary>
    [JsonStringEnumMemberName("starting")]
    Starting,

    /// <summary>Developing: at or above the developing threshold.</summary>
    [JsonStringEnumMemberName("developing")]
    Developing,

    /// <summary>Established: at or above the established threshold.</summary>
    [JsonStringEnumMemberName("established")]
    Established,

    /// <summary>Experienced: at or above the experienced threshold; can pass on what works.</summary>
    [JsonStringEnumMemberName("experienced")]
    Experienced,
}
