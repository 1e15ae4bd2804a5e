using System.Data;
using System.Diagnostics;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Readiness.Data.BaseData;
using Readiness.Scoring.Geo;

namespace Readiness.Data.Seeding;

/// <summary>What a start found and did with the base data.</summary>
public sealed record SeedResult(bool Imported, int Municipalities, int Neighbours, TimeSpan Elapsed, string ContentHash);

/// <summary>
/// Loads the seed files into an empty store in one transaction. A store that already holds a
/// dataset version is left alone, so a second start changes nothing.
/// </summary>
public sealed class SeedImporter(Database database, string seedDirectory)
{
    /// <summary>Outside Bavaria there is no border data: each municipality is linked to its nearest ones.</summary>
    public const int DistanceNeighbours = 6;

    private const string Bavaria = "09";

    // The base-data inserts, shared with the benchmarks' European seeder, which fills the same tables.
    /// <summary>One state; parameters as named.</summary>
    internal const string InsertState = "INSERT INTO states (key, name) VALUES ($key, $name)";

    /// <summary>One district; parameters as named.</summary>
    internal const string InsertDistrict = """
        INSERT INTO districts (key, name, kind, official_kind, state_key, region_key, region_name, area_km2,
                               population, census_population, foreign_share, inkar_foreign_share)
        VALUES ($key, $name, $kind, $officialKind, $stateKey, $regionKey, $regionName, $areaKm2,
                $population, $censusPopulation, $foreignShare, $inkarForeignShare)
        """;

    /// <summary>One municipality; parameters as named.</summary>
    internal const string InsertMunicipality = """
        INSERT INTO municipalities (ags, ars, name, official_name, kind, official_type, district_key, state_key, union_key,
                                    area_km2, population, density_per_km2, lat, lon, degurba, postcode,
                                    census_population, foreign_share, migration_background_share, census_missing_reason, search_key)
        VALUES ($ags, $ars, $name, $officialName, $kind, $officialType, $districtKey, $stateKey, $unionKey,
                $areaKm2, $population, $density, $lat, $lon, $degurba, $postcode,
                $censusPopulation, $foreignShare, $migrationShare, $missingReason, $searchKey)
        """;

    /// <summary>One neighbour relation; parameters as named.</summary>
    internal const string InsertNeighbour = """
        INSERT INTO neighbours (ags, neighbour_ags, source, shared_border_m, via_ags, distance_km)
        VALUES ($ags, $neighbourAgs, $source, $sharedBorderM, $viaAgs, $distanceKm)
        """;

    public SeedResult ImportIfEmpty()
    {
        var stopwatch = Stopwatch.StartNew();
        var files = new SeedFiles(seedDirectory);
        using (var connection = database.Open())
        {
            var loaded = BaseDataReader.ContentHash(connection);
            if (loaded is not null)
            {
                var count = connection.ExecuteScalar<int>("SELECT count(*) FROM municipalities");
                var neighbours = connection.ExecuteScalar<int>("SELECT count(*) FROM neighbours");
                return new SeedResult(false, count, neighbours, stopwatch.Elapsed, loaded);
            }
        }

        files.EnsurePresent();
        var hash = files.ContentHash();
        var data = SeedData.Build(files);
        database.InTransaction((connection, transaction) => Write(connection, transaction, data, hash));
        return new SeedResult(true, data.Municipalities.Count, data.Neighbours.Count, stopwatch.Elapsed, hash);
    }

    private static void Write(DbConnection connection, IDbTransaction transaction, SeedData data, string hash)
    {
        connection.Execute(
            """
            INSERT INTO dataset_versions (name, content_hash, loaded_at, description)
            VALUES ('base-data', @hash, @loadedAt, @description)
            """,
            new { hash, loadedAt = DateTimeOffset.UtcNow, description = "GV-ISys 31.12.2024, Zensus 2022, VG250 2016 borders (Bavaria)" },
            transaction);

        BulkInsert.Run(connection, transaction, InsertState, data.States, s => [s.Key, s.Name]);

        BulkInsert.Run(connection, transaction,
            InsertDistrict,
            data.Districts,
            d => [d.Key, d.Name, Kinds.ForDistrict(d.Type), d.Type, d.StateKey, Blank(d.RegionKey), Blank(d.RegionName), d.AreaKm2,
                d.Population, d.CensusPopulation, Fraction(d.CensusForeignPct), Fraction(d.InkarForeignPct)]);

        BulkInsert.Run(connection, transaction,
            "INSERT INTO administrative_unions (key, name, kind, district_key) VALUES ($key, $name, $kind, $districtKey)",
            data.Unions,
            u => [u.Key, u.Name, u.Kind, u.DistrictKey]);

        BulkInsert.Run(connection, transaction,
            InsertMunicipality,
            data.Municipalities,
            m => [m.Gv.Ags, m.Gv.Ars, m.Gv.NameShort, m.Gv.Name, Kinds.ForMunicipality(m.Gv.TypeCode), m.Gv.Type,
                m.Gv.DistrictKey, m.Gv.StateKey, m.UnionKey, m.Gv.AreaKm2, m.Gv.Population, m.Gv.Density,
                m.Gv.Lat, m.Gv.Lon, m.Gv.Degurba, Blank(m.Gv.Postcode),
                m.Census?.Population, Fraction(m.Census?.ForeignPct), Fraction(m.Census?.MigrationBackgroundPct), m.CensusMissingReason,
                SearchText.Key(m.Gv.NameShort)]);

        BulkInsert.Run(connection, transaction,
            "INSERT INTO unincorporated_areas (ags, name, district_key, area_km2, exists_2024) VALUES ($ags, $name, $districtKey, $areaKm2, $exists)",
            data.Unincorporated,
            u => [u.Ags, u.Name, u.DistrictKey, u.AreaKm2, u.Exists2024]);

        BulkInsert.Run(connection, transaction,
            InsertNeighbour,
            data.Neighbours,
            n => [n.Ags, n.NeighbourAgs, n.Source == NeighbourSource.Boundary ? "boundary" : "distance",
                n.SharedBorderM, n.ViaAgs, Math.Round(n.DistanceKm, 3)]);
    }

    private static string? Blank(string value) => string.IsNullOrEmpty(value) ? null : value;

    private static double? Fraction(double? percent) => percent is null ? null : Math.Round(percent.Value / 100, 6);

    internal static bool IsBavarian(string ags) => ags.StartsWith(Bavaria, StringComparison.Ordinal);
}
