using Readiness.Api.Decisions;
using Readiness.Api.Runs;

namespace Readiness.Api.Measures;

/// <summary>Examples of the measure operations for the OpenAPI document.</summary>
internal static class MeasureExamples
{
    public static readonly MeasureRequest Body = new(
        "Andechs: Ansprechperson für Integration benennen", "Zusammenarbeit mit den Gemeinden", new AddresseeDto("municipality", "09188117"),
        "Erste Bürgermeisterin / Erster Bürgermeister", "2026-09-30", "planned",
        "Bericht im Begleitgremium; Unterstützung durch die Integrationslotsin des Landratsamts",
        new MeasureLinksDto(new RecommendationLinkDto("09188117", "contactPerson"), null, null));

    public static readonly MeasureRequest FromRecommendationBody = new(
        null, null, null, "Geschäftsleitung der Gemeinde", "2026-12-31", null, "Bericht im Begleitgremium", null);

    public static readonly MeasureRequest Patch = new(null, null, null, null, null, "in-progress", null, null);

    public static readonly MeasureDto Measure = new(
        7, "09188", "Andechs: Ansprechperson für Integration benennen", "Zusammenarbeit mit den Gemeinden",
        new AddresseeDto("municipality", "09188117", "Andechs"), "Erste Bürgermeisterin / Erster Bürgermeister", new DateOnly(2026, 9, 30),
        "in-progress", "Bericht im Begleitgremium; Unterstützung durch die Integrationslotsin des Landratsamts",
        new MeasureLinksDto(new RecommendationLinkDto("09188117", "contactPerson"), null, null), false,
        new EvidenceDto("contactPerson", new DateOnly(2026, 6, 30), "structure present since 2026-06-30"), 2,
        new DateTimeOffset(2026, 3, 12, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 2, 9, 30, 0, TimeSpan.Zero));

    public static readonly Paged<MeasureDto> MeasurePage = new([Measure], 1, 50, 1);

    public static readonly OverdueMeasureDto Overdue = new(
        9, "09188", "Feldafing: Koordination des Ehrenamts einrichten", "Bürgerschaftliches Engagement und Ehrenamt", "municipality", "09188118",
        "Geschäftsleitung der Gemeinde", new DateOnly(2026, 6, 30), "Bericht im Kreisausschuss");

    public static readonly ProgressDto Progress = new(
        "09188",
        [new("Zusammenarbeit mit den Gemeinden", 3, 2, 1, 0, 1), new("Bürgerschaftliches Engagement und Ehrenamt", 1, 0, 0, 0, 1)],
        [Overdue],
        new Dictionary<string, int> { ["proposed"] = 2, ["agreed"] = 1, ["active"] = 1, ["ended"] = 1, ["declined"] = 1, ["pinned"] = 1, ["forbidden"] = 0 },
        DecisionExamples.PairOutcomes);
}
