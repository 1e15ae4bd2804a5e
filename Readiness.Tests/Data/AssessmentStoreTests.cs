using Readiness.Data;
using Readiness.Data.Assessments;
using Readiness.Scoring.Model;
using Readiness.Tests.Support;

namespace Readiness.Tests.Data;

[TestFixtureSource(typeof(Providers), nameof(Providers.Both))]
public sealed class AssessmentStoreTests(DatabaseProvider provider)
{
    private TestDatabase? test;
    private Database database = null!;

    [SetUp]
    public void CreateDatabase()
    {
        test = new TestDatabase(provider);
        database = test.Database;
    }

    [TearDown]
    public void Cleanup()
    {
        test?.Dispose();
    }

    [Test]
    public void Current_PrefersSurveyedOverIllustrative_ThenTheLatestReferenceDate()
    {
        var at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        database.InTransaction((connection, transaction) => AssessmentStore.Insert(connection, transaction,
        [
            new NewAssessment("09188139", new DateOnly(2026, 6, 1), AssessmentSource.Illustrative, new AssessmentAnswers { Network = true }),
            new NewAssessment("09188139", new DateOnly(2025, 1, 1), AssessmentSource.Surveyed, new AssessmentAnswers { Network = false }),
            new NewAssessment("09188139", new DateOnly(2025, 6, 1), AssessmentSource.Surveyed, new AssessmentAnswers { ContactPerson = true }),
            new NewAssessment("09188117", new DateOnly(2026, 6, 1), AssessmentSource.Illustrative, new AssessmentAnswers { PaidStaffFte = 0.5 }),
        ], "test", null, at));

        using var connection = database.Open();
        var current = AssessmentStore.Current(connection).ToDictionary(a => a.Ags);

        // Every municipality has its illustrative assessment; these two got newer ones.
        Assert.That(current, Has.Count.EqualTo(10_752));
        Assert.That(current["09188139"].Source, Is.EqualTo(AssessmentSource.Surveyed));
        Assert.That(current["09188139"].ReferenceDate, Is.EqualTo(new DateOnly(2025, 6, 1)));
        Assert.That(current["09188139"].Answers.ContactPerson, Is.True);
        Assert.That(current["09188139"].Answers.Network, Is.Null, "an unanswered question stays unanswered");
        Assert.That(current["09188117"].Answers.PaidStaffFte, Is.EqualTo(0.5));
        Assert.That(current["09188117"].RecordedAt, Is.EqualTo(at));
    }

    [Test]
    public void History_KeepsEveryAssessment_NewestFirst()
    {
        var store = new AssessmentStore(database);
        foreach (var year in new[] { 2023, 2025, 2024 })
        {
            database.InTransaction((connection, transaction) => AssessmentStore.Insert(connection, transaction,
                [new NewAssessment("09188139", new DateOnly(year, 3, 1), AssessmentSource.Surveyed, new AssessmentAnswers { YearsOfIntegrationWork = year - 2020 })],
                "test", null, DateTimeOffset.UtcNow));
        }

        var history = store.History("09188139");

        var surveyed = history.Where(a => a.Source == AssessmentSource.Surveyed).ToList();
        Assert.That(surveyed.Select(a => a.ReferenceDate.Year), Is.EqualTo(new[] { 2025, 2024, 2023 }));
        Assert.That(surveyed.Select(a => a.Answers.YearsOfIntegrationWork), Is.EqualTo(new double?[] { 5, 4, 3 }));
        Assert.That(history, Has.Count.EqualTo(4), "and the illustrative one stays in the history");
    }

    [Test]
    public void Providers_RoundTrip_AndOlderRowsMeanOwn()
    {
        var at = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        database.InTransaction((connection, transaction) => AssessmentStore.Insert(connection, transaction,
        [
            new NewAssessment("09188139", new DateOnly(2026, 6, 1), AssessmentSource.Surveyed, new AssessmentAnswers
            {
                ContactPerson = true, ContactPersonProvider = Provider.AdministrativeUnion,
                PaidStaffFte = 0.5, PaidStaffFteProvider = Provider.District, Network = true, NetworkProvider = Provider.Own,
            }),
            new NewAssessment("09188117", new DateOnly(2026, 6, 1), AssessmentSource.Surveyed, new AssessmentAnswers { ContactPerson = true }),
        ], "test", null, at));

        using var connection = database.Open();
        var current = AssessmentStore.Current(connection).ToDictionary(a => a.Ags, a => a.Answers);

        Assert.That(current["09188139"].ContactPersonProvider, Is.EqualTo(Provider.AdministrativeUnion));
        Assert.That(current["09188139"].PaidStaffFteProvider, Is.EqualTo(Provider.District));
        Assert.That(current["09188139"].NetworkProvider, Is.Null, "own is stored as no provider, as in older rows");
        Assert.That(current["09188117"].ContactPersonProvider, Is.Null);
    }
}
