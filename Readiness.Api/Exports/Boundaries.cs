using System.Text.Json;
using Microsoft.Extensions.Options;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;

namespace Readiness.Api.Exports;

/// <summary>
/// The Bavarian municipality boundaries (BKG VG250, territorial status 2016, simplified; see
/// seed-data/SOURCES.md), read once on first use and kept. Gemeindefreie Gebiete are not
/// municipalities and are left out. A few rings in the source touch themselves, which makes the
/// polygon invalid for GDAL and QGIS; those are repaired with <see cref="GeometryFixer"/>
/// (MakeValid), which keeps the area.
/// </summary>
internal sealed class Boundaries(IOptions<ReadinessOptions> options, IHostEnvironment environment, ILogger<Boundaries> logger)
{
    public const string FileName = "gemeinden_by_vg250_2016_simplified.geojson";

    /// <summary>WGS84, as RFC 7946 requires.</summary>
    public static readonly GeometryFactory Factory = NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    private static readonly JsonSerializerOptions Json = new() { Converters = { new GeoJsonConverterFactory(Factory) } };

    private readonly Lazy<IReadOnlyDictionary<string, Geometry>> byAgs = new(() => Load(options.Value, environment, logger));

    /// <summary>The boundary of a municipality, or null where none is known (outside Bavaria).</summary>
    public Geometry? Find(string ags) => byAgs.Value.GetValueOrDefault(ags);

    public int Count => byAgs.Value.Count;

    private static Dictionary<string, Geometry> Load(ReadinessOptions options, IHostEnvironment environment, ILogger logger)
    {
        var path = Path.Combine(options.ResolveSeedDirectory(environment.ContentRootPath), FileName);
        if (!File.Exists(path))
        {
            // A seed folder without the boundaries still exports: every municipality as its centre point.
            logger.LogWarning("No boundary file at {Path}; the GeoJSON export has points only", path);
            return [];
        }

        FeatureCollection collection;
        using (var stream = File.OpenRead(path))
        {
            collection = JsonSerializer.Deserialize<FeatureCollection>(stream, Json)
                ?? throw new InvalidDataException($"{path} holds no FeatureCollection.");
        }

        var result = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        var repaired = 0;
        foreach (var feature in collection)
        {
            if (feature.Attributes["is_gemeindefrei"] is true || feature.Geometry is null)
            {
                continue;
            }

            var ags = feature.Attributes["ags"] as string
                ?? throw new InvalidDataException($"A feature in {path} has no 'ags' property.");
            var geometry = feature.Geometry;
            if (!geometry.IsValid)
            {
                geometry = GeometryFixer.Fix(geometry);
                repaired++;
            }

            result[ags] = geometry;
        }

        logger.LogInformation("Loaded {Count} municipality boundaries from {File} ({Repaired} repaired)", result.Count, FileName, repaired);
        return result;
    }
}
