using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>The indicators a profile can use: the survey's answers and the census foreign share.</summary>
public static class IndicatorKeys
{
    public const string ContactPerson = "contactPerson";
    public const string PaidStaffFte = "paidStaffFte";
    public const string Network = "network";
    public const string VolunteerCoordination = "volunteerCoordination";
    public const string MigrantCouncil = "migrantCouncil";
    public const string IntegrationConcept = "integrationConcept";
    public const string CouncilResolution = "councilResolution";
    public const string IntermunicipalExchange = "intermunicipalExchange";
    public const string IntegrationBudgetEur = "integrationBudgetEur";
    public const string ActiveVolunteers = "activeVolunteers";
    public const string VolunteerAllowance = "volunteerAllowance";
    public const string MigrantOrganisations = "migrantOrganisations";
    public const string ForeignShare = "foreignShare";
    public const string YearsOfIntegrationWork = "yearsOfIntegrationWork";

    /// <summary>Every known key, in survey order.</summary>
    public static IReadOnlyList<string> All { get; } = IndicatorCatalog.Entries.Select(e => e.Key).ToArray();

    /// <summary>Whether a profile may use the key.</summary>
    public static bool IsKnown(string? key) => key is not null && IndicatorCatalog.ByKey.ContainsKey(key);
}

/// <summary>How each indicator reads its raw value and which denominators make sense for it.</summary>
internal static class IndicatorCatalog
{
    internal sealed record Entry(
        string Key,
        bool IsYesNo,
        bool AllowsDenominator,
        Func<MunicipalityFacts, AssessmentAnswers, double?> Read);

    private static double? YesNo(bool? answer) => answer is { } a ? (a ? 1 : 0) : null;

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new(IndicatorKeys.ContactPerson, true, false, (_, a) => YesNo(a.ContactPerson)),
        new(IndicatorKeys.PaidStaffFte, false, true, (_, a) => a.PaidStaffFte),
        new(IndicatorKeys.Network, true, false, (_, a) => YesNo(a.Network)),
        new(IndicatorKeys.VolunteerCoordination, true, false, (_, a) => YesNo(a.VolunteerCoordination)),
        new(IndicatorKeys.MigrantCouncil, true, false, (_, a) => YesNo(a.MigrantCouncil)),
        new(IndicatorKeys.IntegrationConcept, true, false, (_, a) => YesNo(a.IntegrationConcept)),
        new(IndicatorKeys.CouncilResolution, true, false, (_, a) => YesNo(a.CouncilResolution)),
        new(IndicatorKeys.IntermunicipalExchange, true, false, (_, a) => YesNo(a.IntermunicipalExchange)),
        new(IndicatorKeys.IntegrationBudgetEur, false, true, (_, a) => a.IntegrationBudgetEur),
        new(IndicatorKeys.ActiveVolunteers, false, true, (_, a) => a.ActiveVolunteers),
        new(IndicatorKeys.VolunteerAllowance, true, false, (_, a) => YesNo(a.VolunteerAllowance)),
        new(IndicatorKeys.MigrantOrganisations, false, true, (_, a) => a.MigrantOrganisations),
        // A share of the census population: dividing it by anything would mix bases.
        new(IndicatorKeys.ForeignShare, false, false, (f, _) => f.ForeignShare),
        new(IndicatorKeys.YearsOfIntegrationWork, false, false, (_, a) => a.YearsOfIntegrationWork),
    ];

    public static readonly IReadOnlyDictionary<string, Entry> ByKey = Entries.ToDictionary(e => e.Key, StringComparer.Ordinal);

    /// <summary>The answer as given (yes/no as 1/0); null when missing.</summary>
    public static double? RawValue(Entry entry, MunicipalityFacts facts, AssessmentAnswers? answers)
    {
        var value = entry.Read(facts, answers ?? Empty);
        return value is { } v && double.IsFinite(v) ? v : null;
    }

    /// <summary>The raw value divided by its denominator; null when either is missing or the denominator is not positive.</summary>
    public static double? Value(double? raw, IndicatorDenominator denominator, MunicipalityFacts facts)
    {
        if (raw is not { } r)
        {
            return null;
        }

        double? by = denominator switch
        {
            IndicatorDenominator.Per1000Residents => facts.Population,
            IndicatorDenominator.Per1000ForeignResidents => facts.ForeignResidents,
            _ => null,
        };
        if (denominator == IndicatorDenominator.None)
        {
            return r;
        }

        return by is { } d && d > 0 ? r * 1000.0 / d : null;
    }

    private static readonly AssessmentAnswers Empty = new();
}
