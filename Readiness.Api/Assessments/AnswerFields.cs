using Readiness.Api.Localization;
using Readiness.Scoring.Model;

namespace Readiness.Api.Assessments;

/// <summary>How an answer is written and which values it may take.</summary>
internal enum AnswerKind
{
    /// <summary>Yes or no.</summary>
    Flag,

    /// <summary>Full-time equivalents, 0..1,000.</summary>
    Fte,

    /// <summary>EUR, 0..1,000,000,000, at most 2 decimals (cents).</summary>
    Money,

    /// <summary>A whole number, 0..1,000,000.</summary>
    Count,

    /// <summary>Years, 0..100.</summary>
    Years,
}

/// <summary>One answer of the survey, named as in JSON and in the CSV header.</summary>
internal sealed record AnswerField(int Index, string Name, AnswerKind Kind);

/// <summary>
/// The survey's answers in one table, so the single POST, the JSON import and the CSV import name,
/// parse and check them the same way. Values travel as <c>double?</c> (flags 0/1) until they become
/// an <see cref="AssessmentAnswers"/>.
/// </summary>
internal static class AnswerFields
{
    public const double MaxFte = 1_000;
    public const double MaxMoney = 1_000_000_000;
    public const double MaxCount = 1_000_000;
    public const double MaxYears = 100;

    public static readonly IReadOnlyList<AnswerField> All =
    [
        new(0, "contactPerson", AnswerKind.Flag),
        new(1, "paidStaffFte", AnswerKind.Fte),
        new(2, "network", AnswerKind.Flag),
        new(3, "volunteerCoordination", AnswerKind.Flag),
        new(4, "migrantCouncil", AnswerKind.Flag),
        new(5, "integrationConcept", AnswerKind.Flag),
        new(6, "councilResolution", AnswerKind.Flag),
        new(7, "intermunicipalExchange", AnswerKind.Flag),
        new(8, "integrationBudgetEur", AnswerKind.Money),
        new(9, "activeVolunteers", AnswerKind.Count),
        new(10, "volunteerAllowance", AnswerKind.Flag),
        new(11, "migrantOrganisations", AnswerKind.Count),
        new(12, "yearsOfIntegrationWork", AnswerKind.Years),
    ];

    private static readonly Dictionary<string, AnswerField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static bool TryFind(string name, out AnswerField field) => ByName.TryGetValue(name, out field!);

    /// <summary>Checks a parsed number against the field's range; null when it fits, else the message.</summary>
    public static string? CheckRange(AnswerField field, double value)
    {
        if (!double.IsFinite(value))
        {
            return Texts.Get("Import.NumberTooLarge");
        }

        return field.Kind switch
        {
            AnswerKind.Flag => value is 0 or 1 ? null : Texts.Get("Answer.Flag"),
            AnswerKind.Fte => value is >= 0 and <= MaxFte ? null : Texts.Get("Answer.Fte"),
            AnswerKind.Money when value is < 0 or > MaxMoney => Texts.Get("Answer.MoneyRange"),
            AnswerKind.Money => Math.Round(value, 2) == value ? null : Texts.Get("Answer.MoneyDecimals"),
            AnswerKind.Count when value != Math.Floor(value) => Texts.Get("Answer.WholeNumber"),
            AnswerKind.Count => value is >= 0 and <= MaxCount ? null : Texts.Get("Answer.CountRange"),
            AnswerKind.Years => value is >= 0 and <= MaxYears ? null : Texts.Get("Answer.YearsRange"),
            _ => null,
        };
    }

    public static AssessmentAnswers ToAnswers(double?[] v) => new()
    {
        ContactPerson = Flag(v[0]),
        PaidStaffFte = v[1],
        Network = Flag(v[2]),
        VolunteerCoordination = Flag(v[3]),
        MigrantCouncil = Flag(v[4]),
        IntegrationConcept = Flag(v[5]),
        CouncilResolution = Flag(v[6]),
        IntermunicipalExchange = Flag(v[7]),
        IntegrationBudgetEur = v[8],
        ActiveVolunteers = (int?)v[9],
        VolunteerAllowance = Flag(v[10]),
        MigrantOrganisations = (int?)v[11],
        YearsOfIntegrationWork = v[12],
    };

    /// <summary>The answers as values in field order (booleans as 0/1), the inverse of <see cref="ToAnswers"/>.</summary>
    public static double?[] FromAnswers(AssessmentAnswers a) =>
    [
        Number(a.ContactPerson), a.PaidStaffFte, Number(a.Network), Number(a.VolunteerCoordination), Number(a.MigrantCouncil),
        Number(a.IntegrationConcept), Number(a.CouncilResolution), Number(a.IntermunicipalExchange), a.IntegrationBudgetEur,
        a.ActiveVolunteers, Number(a.VolunteerAllowance), a.MigrantOrganisations, a.YearsOfIntegrationWork,
    ];

    private static bool? Flag(double? value) => value is null ? null : value != 0;

    private static double? Number(bool? value) => value is null ? null : value.Value ? 1 : 0;
}
