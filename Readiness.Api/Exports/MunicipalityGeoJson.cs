using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Readiness.Api.Runs;

namespace Readiness.Api.Exports;

/// <summary>
/// Writes the municipalities as an RFC 7946 FeatureCollection with NetTopologySuite: longitude before
/// latitude in WGS84, no "crs" member, exterior rings counter-clockwise. Bavarian municipalities get
/// their boundary, the others (no boundary data at hand) a point at their geographic centre.
/// </summary>
internal static class MunicipalityGeoJson
{
    public const string ContentType = "application/geo+json";

    // Names with umlauts are written as they are (UTF-8), not as \u escapes: the file is a download, never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new GeoJsonConverterFactory(Boundaries.Factory, false, GeoJsonConverterFactory.DefaultIdPropertyName, RingOrientationOption.EnforceRfc9746) },
    };

    public static Task WriteAsync(Stream body, IReadOnlyList<ExportRowDto> rows, Boundaries boundaries, BaseDataCache baseData, CancellationToken cancellationToken)
    {
        var collection = new FeatureCollection();
        foreach (var row in rows)
        {
            var attributes = new AttributesTable { { GeoJsonConverterFactory.DefaultIdPropertyName, row.Ags } };
            foreach (var (name, value) in ExportColumns.All)
            {
                attributes.Add(name, value(row));
            }

            collection.Add(new Feature(Geometry(row.Ags, boundaries, baseData), attributes));
        }

        return JsonSerializer.SerializeAsync(body, collection, Json, cancellationToken);
    }

    private static Geometry? Geometry(string ags, Boundaries boundaries, BaseDataCache baseData) =>
        boundaries.Find(ags)
        ?? (baseData.Get(ags).Location is { } centre ? Boundaries.Factory.CreatePoint(new Coordinate(centre.Lon, centre.Lat)) : null);
}
