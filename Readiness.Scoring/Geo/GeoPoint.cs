namespace Readiness.Scoring.Geo;

/// <summary>A WGS84 position in degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance in km (haversine).</summary>
    public double DistanceKm(GeoPoint other)
    {
        var dLat = DegreesToRadians(other.Lat - Lat);
        var dLon = DegreesToRadians(other.Lon - Lon);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(DegreesToRadians(Lat)) * Math.Cos(DegreesToRadians(other.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// Lambert azimuthal equal-area projection centred on Europe (as EPSG:3035, on a sphere), in km.
    /// Distances on the plane stay within about 1 % of the great-circle distance at the scale of
    /// neighbours, which is all the spatial index needs; reported distances use <see cref="DistanceKm"/>.
    /// </summary>
    public (double X, double Y) ToPlaneKm()
    {
        const double lat0 = 52 * Math.PI / 180;
        const double lon0 = 10 * Math.PI / 180;
        var lat = DegreesToRadians(Lat);
        var lon = DegreesToRadians(Lon);
        var k = Math.Sqrt(2 / (1 + Math.Sin(lat0) * Math.Sin(lat) + Math.Cos(lat0) * Math.Cos(lat) * Math.Cos(lon - lon0)));
        var x = EarthRadiusKm * k * Math.Cos(lat) * Math.Sin(lon - lon0);
        var y = EarthRadiusKm * k * (Math.Cos(lat0) * Math.Sin(lat) - Math.Sin(lat0) * Math.Cos(lat) * Math.Cos(lon - lon0));
        return (x, y);
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
