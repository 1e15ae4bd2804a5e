using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using NetTopologySuite.Geometries;
using Readiness.Api.Exports;
using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Districts;

/// <summary>
/// A simple map of a district's municipalities as inline SVG, each coloured by its tier: the VG250 boundary where one is
/// at hand (Bavaria), a point at the municipality's centre elsewhere. Longitude is scaled by the cosine of the mean
/// latitude, which is close enough at the size of a district.
/// </summary>
internal static class DistrictMap
{
    public const double Width = 640;
    private const double MaxHeight = 520;
    private const double Margin = 8;

    /// <summary>Fill colours by tier: a colour-blind safe diverging scale from orange (starting) to blue (experienced).</summary>
    public static string Colour(ReadinessTier tier) => tier switch
    {
        ReadinessTier.Starting => "#e66101",
        ReadinessTier.Developing => "#fdb863",
        ReadinessTier.Established => "#b2abd2",
        ReadinessTier.Experienced => "#5e3c99",
        _ => "#d9d9d9",
    };

    /// <param name="members">The municipalities with their number in the report's table and their tier.</param>
    /// <param name="boundaries">The Bavarian boundaries.</param>
    public static string Svg(IReadOnlyList<(int Number, MunicipalityFacts Facts, ReadinessTier Tier)> members, Boundaries boundaries)
    {
        var shapes = members.Select(m => (m.Number, m.Facts, m.Tier, Shape: boundaries.Find(m.Facts.Ags))).ToList();
        var coordinates = shapes.SelectMany(s => s.Shape is { } g ? g.Coordinates : Point(s.Facts)).ToList();
        if (coordinates.Count == 0)
        {
            return "";
        }

        var (minX, maxX) = (coordinates.Min(c => c.X), coordinates.Max(c => c.X));
        var (minY, maxY) = (coordinates.Min(c => c.Y), coordinates.Max(c => c.Y));
        var xScale = Math.Cos((minY + maxY) / 2 * Math.PI / 180);
        var spanX = Math.Max((maxX - minX) * xScale, 1e-6);
        var spanY = Math.Max(maxY - minY, 1e-6);
        var scale = Math.Min((Width - (2 * Margin)) / spanX, (MaxHeight - (2 * Margin)) / spanY);
        var height = (spanY * scale) + (2 * Margin);
        string X(double lon) => F(Margin + ((lon - minX) * xScale * scale));
        string Y(double lat) => F(Margin + ((maxY - lat) * scale));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(Width)} {F(height)}\" role=\"img\" class=\"map\">");
        foreach (var (number, facts, tier, shape) in shapes)
        {
            var title = $"<title>{HtmlEncoder.Create(UnicodeRanges.All).Encode($"{number}. {facts.Name}")}</title>";
            if (shape is not null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path fill=\"{Colour(tier)}\" stroke=\"#333\" stroke-width=\"0.6\" fill-rule=\"evenodd\" d=\"");
                foreach (var polygon in Polygons(shape))
                {
                    Ring(svg, polygon.ExteriorRing, X, Y);
                    foreach (var hole in polygon.InteriorRings)
                    {
                        Ring(svg, hole, X, Y);
                    }
                }

                svg.Append("\">").Append(title).Append("</path>");
            }

            var label = shape?.InteriorPoint.Coordinate ?? Point(facts).FirstOrDefault();
            if (label is null)
            {
                continue;
            }

            if (shape is null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(label.X)}\" cy=\"{Y(label.Y)}\" r=\"7\" fill=\"{Colour(tier)}\" stroke=\"#333\">{title}</circle>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(label.X)}\" y=\"{Y(label.Y)}\" dy=\"0.35em\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#000\" stroke=\"#fff\" stroke-width=\"2.5\" paint-order=\"stroke\">{number}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static IEnumerable<Polygon> Polygons(Geometry geometry) => geometry switch
    {
        Polygon polygon => [polygon],
        GeometryCollection collection => collection.Geometries.SelectMany(Polygons),
        _ => [],
    };

    private static void Ring(StringBuilder svg, LineString ring, Func<double, string> x, Func<double, string> y)
    {
        var coordinates = ring.Coordinates;
        for (var i = 0; i < coordinates.Length; i++)
        {
            svg.Append(i == 0 ? 'M' : 'L').Append(x(coordinates[i].X)).Append(' ').Append(y(coordinates[i].Y)).Append(' ');
        }

        svg.Append("Z ");
    }

    private static Coordinate[] Point(MunicipalityFacts facts) =>
        facts.Location is { } location ? [new Coordinate(location.Lon, location.Lat)] : [];

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
