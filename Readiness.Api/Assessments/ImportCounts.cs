namespace Readiness.Api.Assessments;

/// <summary>What an import covers, counted once, over the rows actually written: its municipalities and its districts (in key order, as audited).</summary>
internal sealed record ImportCounts(int Municipalities, IReadOnlyList<string> Districts)
{
    public static ImportCounts Of(IEnumerable<string> ags)
    {
        var municipalities = ags.Distinct(StringComparer.Ordinal).ToList();
        return new(municipalities.Count, [.. municipalities.Select(a => a[..5]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
