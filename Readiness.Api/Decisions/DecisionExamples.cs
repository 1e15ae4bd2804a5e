namespace Readiness.Api.Decisions;

/// <summary>Examples of the decision operations for the OpenAPI document.</summary>
internal static class DecisionExamples
{
    public static readonly PairDecisionRequest PairDecisionBody = new(
        "09188117", "09188139", "agreed", "2026-03-12", "Bürgermeister haben im Kreisausschuss zugestimmt.", null, null, null);

    public static readonly PairDecisionDto PairDecision = new(
        41, "09188117", "09188139", "09188", "agreed", new DateOnly(2026, 3, 12), null, "Bürgermeister haben im Kreisausschuss zugestimmt.",
        null, [], new DateTimeOffset(2026, 3, 12, 14, 5, 0, TimeSpan.Zero), "Landratsamt Starnberg", "fixed");

    public static readonly IReadOnlyList<PairDecisionDto> PairDecisions =
    [
        PairDecision,
        new(42, "09188118", "09188113", "09188", "declined", new DateOnly(2026, 3, 12), "Die Gemeinden arbeiten bereits über die VG zusammen.",
            null, null, [], new DateTimeOffset(2026, 3, 12, 14, 6, 0, TimeSpan.Zero), "Landratsamt Starnberg", "excluded"),
    ];

    public static readonly PairOutcomesDto PairOutcomes = new("09188", 3, 2, 1, 0,
    [
        new("contact-person", 3, 2, 1, 0),
        new("volunteer-coordination", 1, 1, 0, 0),
    ]);
}
