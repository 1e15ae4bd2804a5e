using System.Globalization;

namespace Readiness.Benchmarks.Sizes;

/// <summary>Where a size's municipalities come from.</summary>
internal enum SizeSource
{
    /// <summary>The shipped German seed (real base data, borders in Bavaria), optionally cut to a state or a district.</summary>
    Germany,

    /// <summary>The EU LAU 2019 table with generated coordinates, shares and stand-ins: synthetic, see bench-data/SOURCES.md.</summary>
    Europe,
}

/// <summary>
/// A benchmark size: <c>district</c> (Landkreis München, 29 municipalities), <c>bavaria</c> (2,056),
/// <c>germany</c> (10,752), <c>europe</c> (99,140 LAUs, synthetic), or <c>europe:N</c> (whole NUTS 3
/// regions of the European table, in a fixed shuffled order, until at least N LAUs).
/// </summary>
internal sealed record BenchSize(string Name, SizeSource Source, string? KeyPrefix, int? EuropeRows)
{
    /// <summary>The district of the <c>district</c> size: Landkreis München.</summary>
    public const string DistrictKey = "09184";

    public static readonly BenchSize District = new("district", SizeSource.Germany, DistrictKey, null);
    public static readonly BenchSize Bavaria = new("bavaria", SizeSource.Germany, "09", null);
    public static readonly BenchSize Germany = new("germany", SizeSource.Germany, null, null);
    public static readonly BenchSize Europe = new("europe", SizeSource.Europe, null, null);

    /// <summary>The sizes of the growth table and of <c>all</c>.</summary>
    public static IReadOnlyList<BenchSize> Standard { get; } = [District, Bavaria, Germany, Europe];

    public static BenchSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var known = Standard.FirstOrDefault(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            return known;
        }

        // "europe-N" is the name a size goes by (files, child processes); "europe:N" what one types.
        if ((text.StartsWith("europe:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("europe-", StringComparison.OrdinalIgnoreCase))
            && int.TryParse(text["europe:".Length..].Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            && rows > 0)
        {
            return new BenchSize($"europe-{rows}", SizeSource.Europe, null, rows);
        }

        throw new ArgumentException($"Unknown size '{text}': use district, bavaria, germany, europe or europe:N (e.g. europe:20000).");
    }

    public override string ToString() => Name;
}
