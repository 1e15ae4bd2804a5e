using Readiness.Scoring.Model;

namespace Readiness.Api.Assessments;

/// <summary>Who provides a structure, as a field of its own next to the answer: <c>contactPersonProvider</c> for <c>contactPerson</c>.</summary>
internal sealed record ProviderField(int Index, string Name, string Answer);

/// <summary>
/// The optional provider fields of the five structures a Verwaltungsgemeinschaft or the district office may provide
/// (issue 15, item 3). The single POST, both imports and the what-if read them the same way; absent or null means the
/// municipality's own, as for every assessment stored before they existed.
/// </summary>
internal static class ProviderFields
{
    public static readonly IReadOnlyList<ProviderField> All =
        [.. AssessmentAnswers.ProvidedKeys.Select((answer, i) => new ProviderField(i, answer + "Provider", answer))];

    /// <summary>The values in the order the message lists them.</summary>
    public const string Expected = "own, administrativeUnion or district";

    private static readonly Dictionary<string, ProviderField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static bool TryFind(string name, out ProviderField field) => ByName.TryGetValue(name, out field!);

    /// <summary>
    /// The machine values in any case; in a spreadsheet also the words of a Bavarian district office
    /// (eigen, VG, Verwaltungsgemeinschaft, Landkreis, Landratsamt).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Provider provider)
    {
        var (known, value) = text.Trim().ToString().ToLowerInvariant() switch
        {
            "own" or "eigen" or "gemeinde" => (true, Provider.Own),
            "administrativeunion" or "vg" or "verwaltungsgemeinschaft" => (true, Provider.AdministrativeUnion),
            "district" or "landkreis" or "landratsamt" => (true, Provider.District),
            _ => (false, Provider.Own),
        };
        provider = value;
        return known;
    }

    public static string Unknown(string field) => $"Unknown provider. Expected {Expected} (who provides {field}); leave it out for the municipality's own.";

    /// <summary>The answers with these providers (own is kept as null, as stored).</summary>
    public static AssessmentAnswers Apply(AssessmentAnswers answers, Provider?[] providers) => answers with
    {
        ContactPersonProvider = Shared(providers[0]),
        PaidStaffFteProvider = Shared(providers[1]),
        VolunteerCoordinationProvider = Shared(providers[2]),
        NetworkProvider = Shared(providers[3]),
        IntegrationConceptProvider = Shared(providers[4]),
    };

    /// <summary>The providers of the answers in field order, the inverse of <see cref="Apply"/>.</summary>
    public static Provider?[] Of(AssessmentAnswers answers) => [.. All.Select(f => answers.ProviderOf(f.Answer))];

    private static Provider? Shared(Provider? provider) => provider is Provider.Own ? null : provider;
}
