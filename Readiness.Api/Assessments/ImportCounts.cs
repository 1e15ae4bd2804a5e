namespace Readiness.Api.Assessments;

/// <summary>What an import covers, counted once: its municipalities and its districts (in key order, as audited).</summary>
internal sealed record ImportCounts(int Municipalities, IReadOnlyList<string> Districts)
{
    public static ImportCounts Of(IReadOnlyList<ImportRow> rows) => new(
        rows.Select(r => r.Ags!).Distinct(StringComparer.Ordinal).Count(),
        [.. rows.Select(r => r.Ags![..5]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
}
