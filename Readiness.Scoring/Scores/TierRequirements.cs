using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>
/// What a municipality must have for a tier, whatever its score: the dialogue round calls structures and a
/// responsible person on site necessary. A requirement holds for its tier and every tier above it.
/// </summary>
public sealed record TierRequirement
{
    /// <summary>The lowest tier that needs it: developing, established or experienced.</summary>
    public ReadinessTier Tier { get; init; } = ReadinessTier.Established;

    /// <summary>The answer it reads, by its field name: contactPerson, paidStaffFte, network, volunteerCoordination, migrantCouncil, integrationConcept, councilResolution or intermunicipalExchange.</summary>
    public string Key { get; init; } = "";

    /// <summary>For paidStaffFte: the least FTE (own or shared) that meets it; null means more than 0. Yes/no answers need "yes" (own or shared) and take no minimum.</summary>
    public double? Minimum { get; init; }

    /// <summary>The default: established needs a contact person; experienced also paid staff of at least 0.5 FTE.</summary>
    public static IReadOnlyList<TierRequirement> Defaults { get; } =
    [
        new() { Tier = ReadinessTier.Established, Key = IndicatorKeys.ContactPerson },
        new() { Tier = ReadinessTier.Experienced, Key = IndicatorKeys.PaidStaffFte, Minimum = 0.5 },
    ];

    /// <summary>The answer fields a requirement may name: the structures.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        IndicatorKeys.ContactPerson, IndicatorKeys.PaidStaffFte, IndicatorKeys.Network, IndicatorKeys.VolunteerCoordination,
        IndicatorKeys.MigrantCouncil, IndicatorKeys.IntegrationConcept, IndicatorKeys.CouncilResolution, IndicatorKeys.IntermunicipalExchange,
    ];

    /// <summary>Whether the answers meet it. A missing answer cannot show a structure, so it does not.</summary>
    public bool IsMetBy(AssessmentAnswers? answers)
    {
        if (answers is null)
        {
            return false;
        }

        if (Key == IndicatorKeys.PaidStaffFte)
        {
            return answers.PaidStaffFte is { } fte && (Minimum is { } least ? fte >= least - 1e-9 : fte > 0);
        }

        return Structures.Has(answers, Key) == true;
    }
}

/// <summary>Applies a profile's tier requirements to a score: capped at the tier below the first requirement missed.</summary>
internal static class TierCap
{
    public static MunicipalityScore Apply(ScoringProfile profile, MunicipalityScore score, AssessmentAnswers? answers)
    {
        if (score.Score is null || profile.TierRequirements is not { Count: > 0 } requirements)
        {
            return score;
        }

        var tier = score.Tier;
        List<string>? cappedBy = null;
        foreach (var requirement in requirements)
        {
            if (requirement.Tier <= score.Tier && !requirement.IsMetBy(answers))
            {
                tier = (ReadinessTier)Math.Min((int)tier, (int)requirement.Tier - 1);
                cappedBy ??= [];
                if (!cappedBy.Contains(requirement.Key))
                {
                    cappedBy.Add(requirement.Key);
                }
            }
        }

        return cappedBy is null ? score : score with { Tier = tier, TierCappedBy = cappedBy, TierByScore = score.Tier };
    }
}

/// <summary>
/// How much a structure counts in the score when it is provided by the administrative union or the district
/// rather than by the municipality itself (0..1; the municipality's own counts 1 by default).
/// </summary>
public sealed record SharedProvisionWeights
{
    /// <summary>Weight of the municipality's own provision.</summary>
    public double Own { get; init; } = 1;

    /// <summary>Weight of a provision by the administrative union (Verwaltungsgemeinschaft): shared, but close by.</summary>
    public double AdministrativeUnion { get; init; } = 0.75;

    /// <summary>Weight of a provision by the district office for several municipalities: present, but farther away.</summary>
    public double District { get; init; } = 0.5;

    /// <summary>The weight of a provider; null is the municipality's own.</summary>
    public double For(Provider? provider) => provider switch
    {
        Provider.AdministrativeUnion => AdministrativeUnion,
        Provider.District => District,
        _ => Own,
    };
}
