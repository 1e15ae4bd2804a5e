using System.Globalization;
using nietras.SeparatedValues;

namespace Readiness.Benchmarks.Sizes;

/// <summary>One row of bench-data/eu_lau_2019_regions.csv.</summary>
internal sealed record LauRow(
    string Country, string Nuts3, string LauCode, string GiscoId, string NameNational, string NameLatin,
    long? Population, double? AreaKm2, int? Degurba);

/// <summary>
/// A LAU as the bench stores it: the real name, population and area where the table has them; a
/// synthetic 8-digit key (country 2 digits, NUTS 3 region 3, LAU 3); generated coordinates and shares;
/// stand-ins (flagged) for a missing population or area.
/// </summary>
internal sealed record EuropeMunicipality(
    LauRow Lau, string Ags, string DistrictKey, string StateKey, long Population, double AreaKm2,
    bool PopulationStandIn, bool AreaStandIn, double Lat, double Lon, double ForeignShare, double MigrationBackgroundShare);

/// <summary>A NUTS 3 region as a district (a region with more than 999 LAUs is split into parts, so LAU keys stay 3 digits).</summary>
internal sealed record EuropeDistrict(string Key, string Name, string StateKey, string Nuts3);

/// <summary>
/// The European benchmark size: the 99,140 LAUs of the Eurostat LAU 2019 table with their real names,
/// population and area, and <b>synthetic</b> coordinates, foreign shares and stand-ins where the table
/// has no figure. The model is documented in bench-data/SOURCES.md; it is fixed by <see cref="Seed"/>.
/// </summary>
internal static class EuropeLaus
{
    public const ulong Seed = 20_190_101;

    /// <summary>
    /// Approximate mainland bounding boxes (lat min, lat max, lon min, lon max) in degrees. NUTS 3
    /// centres are drawn inside them; they only have to put places at realistic distances.
    /// </summary>
    private static readonly Dictionary<string, (double LatMin, double LatMax, double LonMin, double LonMax)> Boxes = new(StringComparer.Ordinal)
    {
        ["AL"] = (39.6, 42.7, 19.3, 21.1),
        ["AT"] = (46.4, 49.0, 9.5, 17.2),
        ["BE"] = (49.5, 51.5, 2.5, 6.4),
        ["BG"] = (41.2, 44.2, 22.4, 28.6),
        ["CH"] = (45.8, 47.8, 5.9, 10.5),
        ["CY"] = (34.6, 35.7, 32.3, 34.6),
        ["CZ"] = (48.6, 51.1, 12.1, 18.9),
        ["DE"] = (47.3, 55.1, 5.9, 15.0),
        ["DK"] = (54.6, 57.8, 8.1, 12.7),
        ["EE"] = (57.5, 59.7, 21.8, 28.2),
        ["EL"] = (34.8, 41.7, 19.4, 28.2),
        ["ES"] = (36.0, 43.8, -9.3, 3.3),
        ["FI"] = (59.8, 70.1, 20.6, 31.6),
        ["FR"] = (42.3, 51.1, -4.8, 8.2),
        ["HR"] = (42.4, 46.6, 13.5, 19.4),
        ["HU"] = (45.7, 48.6, 16.1, 22.9),
        ["IE"] = (51.4, 55.4, -10.5, -6.0),
        ["IS"] = (63.3, 66.6, -24.5, -13.5),
        ["IT"] = (36.6, 47.1, 6.6, 18.5),
        ["LI"] = (47.05, 47.27, 9.47, 9.64),
        ["LT"] = (53.9, 56.5, 21.0, 26.8),
        ["LU"] = (49.4, 50.2, 5.7, 6.5),
        ["LV"] = (55.7, 58.1, 21.0, 28.2),
        ["MK"] = (40.9, 42.4, 20.5, 23.0),
        ["MT"] = (35.8, 36.1, 14.2, 14.6),
        ["NL"] = (50.8, 53.5, 3.4, 7.2),
        ["PL"] = (49.0, 54.8, 14.1, 24.1),
        ["PT"] = (37.0, 42.2, -9.5, -6.2),
        ["RO"] = (43.6, 48.3, 20.3, 29.7),
        ["SE"] = (55.3, 69.1, 11.1, 24.2),
        ["SI"] = (45.4, 46.9, 13.4, 16.6),
        ["SK"] = (47.7, 49.6, 16.8, 22.6),
        ["TR"] = (36.0, 42.1, 26.0, 44.8),
        ["UK"] = (50.0, 58.6, -6.2, 1.8),
    };

    public static IReadOnlyList<LauRow> Read(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, CultureInfo = CultureInfo.InvariantCulture }).FromFile(path);
        return [.. reader.Enumerate(row => new LauRow(
            row["country"].ToString(), row["nuts3_2016"].ToString(), row["lau_code"].ToString(), row["gisco_id"].ToString(),
            row["name_national"].ToString(), row["name_latin"].ToString(),
            row["population"].Span.IsEmpty ? null : (long)double.Parse(row["population"].Span, CultureInfo.InvariantCulture),
            row["area_km2"].Span.IsEmpty ? null : double.Parse(row["area_km2"].Span, CultureInfo.InvariantCulture),
            int.TryParse(row["degurba"].Span, CultureInfo.InvariantCulture, out var degurba) && degurba is >= 1 and <= 3 ? degurba : null))];
    }

    /// <summary>Whole NUTS 3 regions in a fixed shuffled order until at least <paramref name="rows"/> LAUs; all when null.</summary>
    public static IReadOnlyList<LauRow> Subset(IReadOnlyList<LauRow> all, int? rows)
    {
        if (rows is null || rows >= all.Count)
        {
            return all;
        }

        var regions = all.GroupBy(r => r.Nuts3, StringComparer.Ordinal)
            .OrderBy(g => new SyntheticRandom(Seed, g.Key).Next())
            .ToList();
        var taken = new List<LauRow>();
        foreach (var region in regions)
        {
            if (taken.Count >= rows)
            {
                break;
            }

            taken.AddRange(region);
        }

        return taken;
    }

    public static (IReadOnlyList<EuropeMunicipality> Municipalities, IReadOnlyList<EuropeDistrict> Districts) Generate(IReadOnlyList<LauRow> rows)
    {
        var standIns = StandInModel.Fit(rows);
        var countries = rows.Select(r => r.Country).Distinct().Order(StringComparer.Ordinal).ToList();
        var municipalities = new List<EuropeMunicipality>(rows.Count);
        var districts = new List<EuropeDistrict>();
        foreach (var (country, countryIndex) in countries.Select((c, i) => (c, i)))
        {
            var stateKey = (countryIndex + 1).ToString("00", CultureInfo.InvariantCulture);
            var box = Boxes[country];
            var inCountry = rows.Where(r => r.Country == country).OrderBy(r => r.Nuts3, StringComparer.Ordinal).ThenBy(r => r.LauCode, StringComparer.Ordinal).ToList();
            var sizes = StandInModel.ScaleToCountryTotal(country, [.. inCountry.Select(standIns.Complete)]);
            var sizeOf = inCountry.Select((lau, i) => (lau.GiscoId, sizes[i])).ToDictionary(x => x.GiscoId, x => x.Item2, StringComparer.Ordinal);
            var regions = inCountry.GroupBy(r => r.Nuts3, StringComparer.Ordinal);
            var districtNumber = 0;
            foreach (var region in regions)
            {
                var laus = region.ToList();
                var sized = laus.Select(l => (Lau: l, Size: sizeOf[l.GiscoId])).ToList();
                var radiusKm = Math.Sqrt(sized.Sum(s => s.Size.AreaKm2) / Math.PI);
                var centre = Centre(region.Key, box, radiusKm);
                var parts = (laus.Count + 998) / 999;
                for (var part = 0; part < parts; part++)
                {
                    var districtKey = stateKey + (++districtNumber).ToString("000", CultureInfo.InvariantCulture);
                    districts.Add(new EuropeDistrict(districtKey, parts == 1 ? region.Key : $"{region.Key} (part {part + 1})", stateKey, region.Key));
                    var members = sized.Skip(part * 999).Take(999).ToList();
                    for (var i = 0; i < members.Count; i++)
                    {
                        var (lau, size) = members[i];
                        var random = new SyntheticRandom(Seed, lau.GiscoId);
                        var (lat, lon) = Scatter(ref random, centre, radiusKm);
                        var (foreign, migration) = Shares(ref random, lau.Degurba);
                        municipalities.Add(new EuropeMunicipality(
                            lau, districtKey + (i + 1).ToString("000", CultureInfo.InvariantCulture), districtKey, stateKey,
                            size.Population, size.AreaKm2, size.PopulationStandIn, size.AreaStandIn, lat, lon, foreign, migration));
                    }
                }
            }
        }

        return (municipalities, districts);
    }

    /// <summary>A region's centre: uniform in its country's box, kept a radius away from the edges where the box allows.</summary>
    private static (double Lat, double Lon) Centre(string nuts3, (double LatMin, double LatMax, double LonMin, double LonMax) box, double radiusKm)
    {
        var random = new SyntheticRandom(Seed, "nuts3:" + nuts3);
        var marginLat = Math.Min(radiusKm / 111.2, (box.LatMax - box.LatMin) / 2 * 0.9);
        var lat = box.LatMin + marginLat + (random.NextDouble() * (box.LatMax - box.LatMin - (2 * marginLat)));
        var marginLon = Math.Min(radiusKm / (111.2 * Math.Cos(lat * Math.PI / 180)), (box.LonMax - box.LonMin) / 2 * 0.9);
        var lon = box.LonMin + marginLon + (random.NextDouble() * (box.LonMax - box.LonMin - (2 * marginLon)));
        return (lat, lon);
    }

    /// <summary>Uniform in the disc of the region's radius around its centre (the disc's area is the region's area).</summary>
    private static (double Lat, double Lon) Scatter(ref SyntheticRandom random, (double Lat, double Lon) centre, double radiusKm)
    {
        var r = radiusKm * Math.Sqrt(random.NextDouble());
        var angle = 2 * Math.PI * random.NextDouble();
        var lat = centre.Lat + (r * Math.Sin(angle) / 111.2);
        var lon = centre.Lon + (r * Math.Cos(angle) / (111.2 * Math.Cos(centre.Lat * Math.PI / 180)));
        return (Math.Round(lat, 5), Math.Round(lon, 5));
    }

    /// <summary>
    /// Foreign share: 12 % in cities, 8 % in towns, 5 % in rural areas (7 % unknown), times a
    /// log-normal factor (σ 0.5), at most 60 %; migration background about 1.8 times that.
    /// </summary>
    private static (double Foreign, double Migration) Shares(ref SyntheticRandom random, int? degurba)
    {
        var baseShare = degurba switch { 1 => 0.12, 2 => 0.08, 3 => 0.05, _ => 0.07 };
        var foreign = Math.Clamp(baseShare * Math.Exp(0.5 * random.NextGaussian()), 0.001, 0.6);
        var migration = Math.Clamp((1.8 * foreign) + (0.02 * random.NextGaussian()) + 0.02, foreign, 0.9);
        return (Math.Round(foreign, 6), Math.Round(migration, 6));
    }
}
