using Dapper;
using Microsoft.Data.Sqlite;
using nietras.SeparatedValues;
using Readiness.Data;
using Readiness.Data.Seeding;
using Readiness.Tests.Support;

namespace Readiness.Tests.Data;

[TestFixture]
public sealed class SeedImporterTests
{
    private string directory = null!;
    private Database database = null!;

    [OneTimeSetUp]
    public void SeedOnce()
    {
        directory = SeededDatabase.NewDirectory();
        database = Database.ForFile(Path.Combine(directory, "readiness.db"));
        SchemaMigrator.Migrate(database);
        var result = new SeedImporter(database, SeededDatabase.SeedDirectory).ImportIfEmpty();
        Assert.That(result.Imported, Is.True);
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void Import_LoadsEveryGermanMunicipality_WithoutUnincorporatedAreas()
    {
        using var connection = database.Open();
        Assert.That(connection.ExecuteScalar<int>("SELECT count(*) FROM municipalities"), Is.EqualTo(10_752));
        Assert.That(connection.ExecuteScalar<int>("SELECT count(*) FROM municipalities WHERE state_key = '09'"), Is.EqualTo(2_056));
        Assert.That(connection.ExecuteScalar<int>("SELECT count(*) FROM districts"), Is.EqualTo(400));
        Assert.That(connection.ExecuteScalar<int>("SELECT count(*) FROM states"), Is.EqualTo(16));
        Assert.That(connection.ExecuteScalar<int>("SELECT count(*) FROM unincorporated_areas WHERE exists_2024 = 1"), Is.EqualTo(207));
        Assert.That(connection.ExecuteScalar<long>("SELECT sum(population) FROM municipalities WHERE state_key = '09'"), Is.EqualTo(13_435_062));
    }

    [Test]
    public void Import_Munich_HasItsRealFiguresAndNeighbours()
    {
        using var connection = database.Open();
        var munich = connection.QuerySingle<(string Name, long Population, double Area, double ForeignShare, double MigrationShare, long CensusPopulation)>(
            "SELECT name, population, area_km2, foreign_share, migration_background_share, census_population FROM municipalities WHERE ags = '09162000'");
        Assert.Multiple(() =>
        {
            Assert.That(munich.Name, Is.EqualTo("München"));
            Assert.That(munich.Population, Is.EqualTo(1_510_378));
            Assert.That(munich.Area, Is.EqualTo(310.70).Within(0.001));
            Assert.That(munich.ForeignShare, Is.EqualTo(0.273).Within(1e-9));
            Assert.That(munich.MigrationShare, Is.EqualTo(0.366).Within(1e-9));
            Assert.That(munich.CensusPopulation, Is.EqualTo(1_478_638));
        });

        var neighbours = connection.Query<(string Ags, string Source, double? Border)>(
            "SELECT neighbour_ags, source, shared_border_m FROM neighbours WHERE ags = '09162000'").ToList();
        Assert.That(neighbours, Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(neighbours.Where(n => n.Source == "boundary").Select(n => n.Ags), Does.Contain("09184147"), "Unterföhring borders München");
        Assert.That(neighbours.Single(n => n.Ags == "09184147").Border, Is.EqualTo(10_714.5).Within(0.01));
    }

    [Test]
    public void Import_EveryBavarianMunicipality_HasABoundaryNeighbour()
    {
        using var connection = database.Open();
        var lonely = connection.Query<string>(
            """
            SELECT m.ags FROM municipalities m
            WHERE m.state_key = '09'
              AND NOT EXISTS (SELECT 1 FROM neighbours n WHERE n.ags = m.ags AND n.source = 'boundary')
            """).ToList();
        Assert.That(lonely, Is.Empty);

        // 09187123 borders only unincorporated areas; it reaches its neighbours through them.
        var through = connection.Query<string>("SELECT via_ags FROM neighbours WHERE ags = '09187123'").ToList();
        Assert.That(through, Is.Not.Empty);
        Assert.That(through, Is.Not.Empty.And.All.Not.Null);
    }

    [Test]
    public void Import_EveryMunicipality_HasANeighbour_AndTheRelationIsSymmetric()
    {
        using var connection = database.Open();
        Assert.That(connection.ExecuteScalar<int>(
            "SELECT count(*) FROM municipalities m WHERE NOT EXISTS (SELECT 1 FROM neighbours n WHERE n.ags = m.ags)"), Is.Zero);
        Assert.That(connection.ExecuteScalar<int>(
            """
            SELECT count(*) FROM neighbours a
            WHERE NOT EXISTS (SELECT 1 FROM neighbours b WHERE b.ags = a.neighbour_ags AND b.neighbour_ags = a.ags)
            """), Is.Zero);
        Assert.That(connection.ExecuteScalar<int>(
            "SELECT count(*) FROM neighbours WHERE source = 'distance' AND ags NOT LIKE '09%' AND distance_km > 60"), Is.Zero,
            "nearest neighbours by distance are near");
    }

    [Test]
    public void Import_MissingCensusShares_AreNullWithAReason_NeverZero()
    {
        using var connection = database.Open();
        var missing = connection.ExecuteScalar<int>("SELECT count(*) FROM municipalities WHERE foreign_share IS NULL");
        Assert.That(missing, Is.InRange(330, 350));
        Assert.That(connection.ExecuteScalar<int>(
            "SELECT count(*) FROM municipalities WHERE foreign_share IS NULL AND census_missing_reason IS NULL"), Is.Zero);
        Assert.That(connection.ExecuteScalar<int>(
            "SELECT count(*) FROM municipalities WHERE foreign_share IS NULL AND state_key = '09'"), Is.EqualTo(1));
        Assert.That(connection.ExecuteScalar<string?>(
            "SELECT foreign_share FROM municipalities WHERE ags = '09471209'"), Is.Null, "Wattendorf is suppressed in the census");
        Assert.That(connection.ExecuteScalar<int>("SELECT count(*) FROM municipalities WHERE foreign_share = 0"), Is.Zero);
    }

    [Test]
    public void Import_BavarianUnions_MatchTheVerwaltungsgemeinschaftList()
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true })
            .FromFile(Path.Combine(SeededDatabase.SeedDirectory, "verwaltungsgemeinschaften_by_2024.csv"));
        var expected = reader.Enumerate(row => (Key: row["vg_key"].ToString(), Members: row["member_ags"].ToString().Split(';').Order().ToArray()))
            .ToDictionary(x => x.Key, x => x.Members);

        using var connection = database.Open();
        var actual = connection.Query<(string Union, string Ags)>(
                "SELECT union_key, ags FROM municipalities WHERE state_key = '09' AND union_key IS NOT NULL ORDER BY ags")
            .GroupBy(x => x.Union)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Ags).ToArray());

        Assert.That(actual, Has.Count.EqualTo(311));
        Assert.That(actual.Values.Sum(m => m.Length), Is.EqualTo(982));
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void Import_SecondStart_ChangesNothing()
    {
        string Fingerprint()
        {
            using var connection = database.Open();
            return string.Join("|",
                connection.ExecuteScalar<long>("SELECT count(*) FROM municipalities"),
                connection.ExecuteScalar<long>("SELECT count(*) FROM neighbours"),
                connection.ExecuteScalar<long>("SELECT count(*) FROM dataset_versions"),
                connection.ExecuteScalar<string>("SELECT loaded_at FROM dataset_versions"),
                connection.ExecuteScalar<long>("SELECT total_changes()"));
        }

        var before = Fingerprint();
        var second = new SeedImporter(database, SeededDatabase.SeedDirectory).ImportIfEmpty();
        var migrations = SchemaMigrator.Migrate(database);

        Assert.That(second.Imported, Is.False);
        Assert.That(migrations, Is.Empty);
        Assert.That(Fingerprint(), Is.EqualTo(before));
    }
}
