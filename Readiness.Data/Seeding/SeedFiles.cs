using System.Globalization;
using System.Security.Cryptography;
using nietras.SeparatedValues;

namespace Readiness.Data.Seeding;

/// <summary>Reads the shipped seed files (see <c>seed-data/SOURCES.md</c>); keys stay strings with their leading zeros.</summary>
internal sealed class SeedFiles(string directory)
{
    public const string Municipalities = "gemeinden_de_gv_2024-12-31.csv";
    public const string Census = "zensus2022_gemeinden_de_gerda.csv";
    public const string Districts = "kreise_de_2024.csv";
    public const string Adjacency = "adjacency_by_vg250_2016.csv";

    private static readonly string[] HashedFiles = [Municipalities, Census, Districts, Adjacency];

    public string Directory { get; } = directory;

    public void EnsurePresent()
    {
        foreach (var file in HashedFiles)
        {
            var path = Path.Combine(Directory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Seed file {file} not found in '{Directory}'. Set Readiness:SeedDirectory to the folder holding the seed data.", path);
            }
        }
    }

    /// <summary>SHA-256 over the files the store is built from, so a dataset version names exactly what was loaded.</summary>
    public string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in HashedFiles)
        {
            hash.AppendData(File.ReadAllBytes(Path.Combine(Directory, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public List<GvRow> ReadMunicipalities() => Read(Municipalities, row => new GvRow(
        row["ags"].ToString(), row["ars"].ToString(), row["name"].ToString(), row["name_short"].ToString(),
        int.Parse(row["type_code"].Span, CultureInfo.InvariantCulture), row["type"].ToString(),
        row["land_code"].ToString(), row["land_name"].ToString(), row["rb_code"].ToString(), row["rb_name"].ToString(),
        row["kreis_key"].ToString(), row["vb_key"].ToString(), row["vb_name"].ToString(), row["vb_type"].ToString(),
        Double(row["area_km2"].Span) ?? 0, Int(row["population"].Span) ?? 0, Double(row["density_per_km2"].Span) ?? 0,
        row["plz"].ToString(), Double(row["lat"].Span), Double(row["lon"].Span), Int(row["degurba"].Span)));

    public List<CensusRow> ReadCensus() => Read(Census, row => new CensusRow(
        row["ags"].ToString(), Int(row["census22_population"].Span),
        Double(row["share_foreign_pct"].Span), Double(row["share_migration_bg_pct"].Span)));

    public List<DistrictRow> ReadDistricts() => Read(Districts, row => new DistrictRow(
        row["kreis_key"].ToString(), row["kreis_name"].ToString(), row["kreis_type"].ToString(),
        row["land_code"].ToString(), row["land_name"].ToString(), row["rb_code"].ToString(), row["rb_name"].ToString(),
        Double(row["area_km2"].Span) ?? 0, Int(row["population"].Span) ?? 0, Int(row["census22_population"].Span),
        Double(row["census22_share_foreign_pct"].Span), Double(row["inkar2022_share_foreign_pct"].Span)));

    public List<AdjacencyRow> ReadAdjacency() => Read(Adjacency, row => new AdjacencyRow(
        row["ags_a"].ToString(), row["ags_b"].ToString(), row["name_a"].ToString(), row["name_b"].ToString(),
        Double(row["shared_border_m"].Span) ?? 0, row["a_is_gemeindefrei"].Span is "1", row["b_is_gemeindefrei"].Span is "1"));

    private List<T> Read<T>(string file, SepReader.RowFunc<T> map)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, CultureInfo = CultureInfo.InvariantCulture })
            .FromFile(Path.Combine(Directory, file));
        return [.. reader.Enumerate(map)];
    }

    private static double? Double(ReadOnlySpan<char> text) =>
        text.IsEmpty ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int? Int(ReadOnlySpan<char> text) =>
        text.IsEmpty ? null : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
