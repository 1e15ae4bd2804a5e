using Dapper;
using Readiness.Data.Assessments;
using Readiness.Data.BaseData;
using Readiness.Scoring.Model;
using Readiness.Scoring.Scores;

namespace Readiness.Data.Seeding;

/// <summary>
/// Stores the illustrative assessments (generated reproducibly from the base data, see docs/scoring.md)
/// once, so the service can be tried before the real survey arrives. They are labelled
/// <c>illustrative</c> wherever they show, and a surveyed assessment replaces them.
/// </summary>
public static class IllustrativeSeeder
{
    /// <summary>The reference date of the illustrative assessments: the territorial status of the base data.</summary>
    public static readonly DateOnly ReferenceDate = new(2024, 12, 31);

    public static int EnsureSeeded(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.InTransaction((connection, transaction) =>
        {
            if (connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM assessments WHERE source = 'illustrative')", transaction: transaction))
            {
                return 0;
            }

            var facts = BaseDataReader.Read(connection, transaction).Municipalities;
            var generated = IllustrativeAssessments.Generate(facts, ReferenceDate)
                .Select(a => new NewAssessment(a.Ags, a.ReferenceDate, AssessmentSource.Illustrative, a.Answers, "Illustrative: generated, not survey data."))
                .ToList();
            AssessmentStore.Insert(connection, transaction, generated, "seed", batchId: "illustrative", DateTimeOffset.UtcNow);
            return generated.Count;
        });
    }
}
