namespace Readiness.Scoring.Scores;

/// <summary>
/// Everything that decides a readiness score: indicators with goalposts and weights, pillars,
/// normalisation, aggregation, coverage floor, tiers and the robustness analysis. The built-in
/// profile is named default; GET /api/v1/profiles/default shows a complete one.
/// </summary>
/// <remarks>
/// Profiles are data: they round-trip through JSON (<see cref="ScoringJson.Options"/>) and are checked by
/// <see cref="ProfileValidator"/> before use. <see cref="DefaultProfile.Instance"/> ships.
/// </remarks>
public sealed record ScoringProfile
{
    /// <summary>Unique name, lower-case letters, digits and hyphens (it appears in URLs).</summary>
    public string Name { get; init; } = "";

    /// <summary>What the profile is for, in a planner's words.</summary>
    public string Description { get; init; } = "";

    /// <summary>The indicators, each in one pillar, each key at most once.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; init; } = [];

    /// <summary>The pillars and their weights.</summary>
    public IReadOnlyList<PillarDefinition> Pillars { get; init; } = [];

    /// <summary>Normalisation method and winsorising percentiles.</summary>
    public NormalizationSettings Normalization { get; init; } = new();

    /// <summary>How pillar scores are combined.</summary>
    public AggregationMethod Aggregation { get; init; } = AggregationMethod.Arithmetic;

    /// <summary>Share of the nominal weight that must be answered for a score (0 &lt; floor ≤ 1).</summary>
    public double CoverageFloor { get; init; } = 2.0 / 3.0;

    /// <summary>Lower score bounds of the tiers above <c>starting</c>.</summary>
    public TierThresholds Tiers { get; init; } = new();

    /// <summary>
    /// What a tier needs besides its score (a municipality missing one is capped at the tier below). Left out:
    /// the defaults (established needs a contact person, experienced also 0.5 FTE paid staff); empty: none.
    /// </summary>
    public IReadOnlyList<TierRequirement> TierRequirements { get; init; } = TierRequirement.Defaults;

    /// <summary>How much a structure counts when the administrative union or the district provides it rather than the municipality itself.</summary>
    public SharedProvisionWeights SharedProvision { get; init; } = new();

    /// <summary>Foreign share (0..1) above which a missing migrant council is flagged.</summary>
    public double MigrantRepresentationThreshold { get; init; } = 0.10;

    /// <summary>The Monte-Carlo robustness analysis.</summary>
    public RobustnessSettings Robustness { get; init; } = new();

    /// <summary>Whether the nightly run computes this profile.</summary>
    public bool Nightly { get; init; } = true;
}

/// <summary>One indicator of a profile.</summary>
public sealed record IndicatorDefinition
{
    /// <summary>Which answer or fact it reads: contactPerson, paidStaffFte, network, volunteerCoordination, migrantCouncil, integrationConcept, councilResolution, intermunicipalExchange, integrationBudgetEur, activeVolunteers, volunteerAllowance, migrantOrganisations, foreignShare or yearsOfIntegrationWork.</summary>
    public string Key { get; init; } = "";

    /// <summary>Key of the pillar it belongs to.</summary>
    public string Pillar { get; init; } = "";

    /// <summary>Whether more is better.</summary>
    public IndicatorDirection Direction { get; init; } = IndicatorDirection.HigherIsBetter;

    /// <summary>What the answer is divided by before normalising.</summary>
    public IndicatorDenominator Denominator { get; init; } = IndicatorDenominator.None;

    /// <summary>Goalpost: the value that normalises to 0 (below it, 0).</summary>
    public double Floor { get; init; }

    /// <summary>Goalpost: the value that normalises to 1 (beyond it, 1).</summary>
    public double Target { get; init; } = 1;

    /// <summary>Weight within its pillar (≥ 0; renormalised over the answered indicators).</summary>
    public double Weight { get; init; } = 1;
}

/// <summary>One pillar of a profile.</summary>
public sealed record PillarDefinition
{
    /// <summary>Key, for example <c>structures</c>.</summary>
    public string Key { get; init; } = "";

    /// <summary>Weight among the pillars (≥ 0; renormalised over the answered pillars).</summary>
    public double Weight { get; init; } = 1;
}

/// <summary>Normalisation method and winsorising.</summary>
public sealed record NormalizationSettings
{
    /// <summary>The method; goalposts by default.</summary>
    public NormalizationMethod Method { get; init; } = NormalizationMethod.Goalposts;

    /// <summary>Values below this percentile (0..0.5) are raised to it before min-max or rank.</summary>
    public double WinsorLower { get; init; } = 0.05;

    /// <summary>Values above this percentile (0.5..1) are lowered to it before min-max or rank.</summary>
    public double WinsorUpper { get; init; } = 0.95;
}

/// <summary>Lower score bounds (0..100) of the tiers; a score below <c>developing</c> is <c>starting</c>.</summary>
public sealed record TierThresholds
{
    /// <summary>From this score on, <c>developing</c>.</summary>
    public double Developing { get; init; } = 25;

    /// <summary>From this score on, <c>established</c>.</summary>
    public double Established { get; init; } = 50;

    /// <summary>From this score on, <c>experienced</c>.</summary>
    public double Experienced { get; init; } = 70;

    /// <summary>The tier of a score; null is <c>insufficient-data</c>.</summary>
    public ReadinessTier TierOf(double? score) => score switch
    {
        null => ReadinessTier.InsufficientData,
        var s when s >= Experienced => ReadinessTier.Experienced,
        var s when s >= Established => ReadinessTier.Established,
        var s when s >= Developing => ReadinessTier.Developing,
        _ => ReadinessTier.Starting,
    };
}

/// <summary>Settings of the Monte-Carlo robustness analysis.</summary>
public sealed record RobustnessSettings
{
    /// <summary>Number of draws.</summary>
    public int Draws { get; init; } = 1000;

    /// <summary>Each weight is multiplied by a uniform factor in [1 − p, 1 + p]; 0.25 = ±25 %.</summary>
    public double WeightPerturbation { get; init; } = 0.25;

    /// <summary>Seed: the same seed and input give the same intervals.</summary>
    public long Seed { get; init; } = 20_251_125;
}
