using System.Data;
using Dapper;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Readiness.Scoring.Model;

namespace Readiness.Data.Assessments;

/// <summary>A stored assessment with its bookkeeping.</summary>
public sealed record StoredAssessment(
    long Id, string Ags, DateOnly ReferenceDate, AssessmentSource Source, AssessmentAnswers Answers,
    DateTimeOffset RecordedAt, string RecordedBy, string? BatchId, string? Note);

/// <summary>One assessment to write.</summary>
public sealed record NewAssessment(string Ags, DateOnly ReferenceDate, AssessmentSource Source, AssessmentAnswers Answers, string? Note = null);

/// <summary>Writes and reads assessments. Writes only ever add rows: history is kept.</summary>
public sealed class AssessmentStore(Database database)
{
    private const string Columns =
        """
        id, ags, reference_date, source, contact_person, paid_staff_fte, network, volunteer_coordination, migrant_council,
        integration_concept, council_resolution, intermunicipal_exchange, integration_budget_eur, active_volunteers,
        volunteer_allowance, migrant_organisations, years_of_integration_work, recorded_at, recorded_by, batch_id, note,
        contact_person_provider, paid_staff_fte_provider, network_provider, volunteer_coordination_provider, integration_concept_provider
        """;

    private const string InsertSql =
        """
        INSERT INTO assessments (ags, reference_date, source, contact_person, paid_staff_fte, network, volunteer_coordination,
            migrant_council, integration_concept, council_resolution, intermunicipal_exchange, integration_budget_eur,
            active_volunteers, volunteer_allowance, migrant_organisations, years_of_integration_work,
            recorded_at, recorded_by, batch_id, note,
            contact_person_provider, paid_staff_fte_provider, network_provider, volunteer_coordination_provider, integration_concept_provider)
        VALUES ($ags, $referenceDate, $source, $contactPerson, $paidStaffFte, $network, $volunteerCoordination,
            $migrantCouncil, $integrationConcept, $councilResolution, $intermunicipalExchange, $integrationBudgetEur,
            $activeVolunteers, $volunteerAllowance, $migrantOrganisations, $yearsOfIntegrationWork,
            $recordedAt, $recordedBy, $batchId, $note,
            $contactPersonProvider, $paidStaffFteProvider, $networkProvider, $volunteerCoordinationProvider, $integrationConceptProvider)
        """;

    /// <summary>
    /// The assessment that counts for each municipality: the latest surveyed one if there is any,
    /// otherwise the latest illustrative one. Municipalities without any are absent.
    /// </summary>
    public static IReadOnlyList<StoredAssessment> Current(IDbConnection connection, IDbTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return [.. connection.Query<AssessmentRow>(
            $"""
            SELECT {Columns} FROM (
                SELECT *, row_number() OVER (
                    PARTITION BY ags
                    ORDER BY source = 'surveyed' DESC, reference_date DESC, id DESC) AS position
                FROM assessments) AS numbered
            WHERE position = 1
            ORDER BY ags
            """,
            transaction: transaction).Select(ToStored)];
    }

    /// <summary>The assessments a run scored (its default profile's rows name them), to explain or re-score that run.</summary>
    public IReadOnlyList<StoredAssessment> ForRun(long runId, string profile)
    {
        using var connection = database.Open();
        return [.. connection.Query<AssessmentRow>(
            $"""
            SELECT {Columns} FROM assessments
            WHERE id IN (SELECT assessment_id FROM run_scores WHERE run_id = @runId AND profile = @profile AND assessment_id IS NOT NULL)
            ORDER BY ags
            """,
            new { runId, profile }).Select(ToStored)];
    }

    /// <summary>Every assessment of one municipality, newest first.</summary>
    public IReadOnlyList<StoredAssessment> History(string ags)
    {
        using var connection = database.Open();
        return [.. connection.Query<AssessmentRow>(
            $"SELECT {Columns} FROM assessments WHERE ags = @ags ORDER BY reference_date DESC, id DESC",
            new { ags }).Select(ToStored)];
    }

    /// <summary>One assessment by its id, inside the caller's transaction.</summary>
    public static StoredAssessment? Get(IDbConnection connection, IDbTransaction? transaction, long id)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Query<AssessmentRow>($"SELECT {Columns} FROM assessments WHERE id = @id", new { id }, transaction).Select(ToStored).FirstOrDefault();
    }

    /// <summary>Adds assessments inside the caller's transaction with one prepared command; returns the first new id.</summary>
    public static long Insert(
        DbConnection connection, IDbTransaction transaction, IEnumerable<NewAssessment> assessments,
        string recordedBy, string? batchId, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is Npgsql.NpgsqlConnection)
        {
            // PostgreSQL: writers of assessments queue here, as SQLite's BEGIN IMMEDIATE makes them queue, and the
            // identity goes on from the first id returned, so the ids written are first, first + 1, …
            connection.Execute("LOCK TABLE assessments IN SHARE ROW EXCLUSIVE MODE", transaction: transaction);
            connection.Execute("SELECT setval(pg_get_serial_sequence('assessments', 'id'), coalesce(max(id), 0) + 1, false) FROM assessments", transaction: transaction);
        }

        var first = connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) + 1 FROM assessments", transaction: transaction);
        var recorded = recordedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        BulkInsert.Run(connection, transaction, InsertSql, assessments, a => [
            a.Ags, a.ReferenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            a.Source == AssessmentSource.Surveyed ? "surveyed" : "illustrative",
            a.Answers.ContactPerson, a.Answers.PaidStaffFte, a.Answers.Network, a.Answers.VolunteerCoordination,
            a.Answers.MigrantCouncil, a.Answers.IntegrationConcept, a.Answers.CouncilResolution, a.Answers.IntermunicipalExchange,
            a.Answers.IntegrationBudgetEur, a.Answers.ActiveVolunteers, a.Answers.VolunteerAllowance, a.Answers.MigrantOrganisations,
            a.Answers.YearsOfIntegrationWork, recorded, recordedBy, batchId, a.Note,
            ProviderText(a.Answers.ContactPersonProvider), ProviderText(a.Answers.PaidStaffFteProvider), ProviderText(a.Answers.NetworkProvider),
            ProviderText(a.Answers.VolunteerCoordinationProvider), ProviderText(a.Answers.IntegrationConceptProvider)]);
        return first;
    }

    private static StoredAssessment ToStored(AssessmentRow r) => new(
        r.Id, r.Ags, DateOnly.ParseExact(r.ReferenceDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        r.Source == "surveyed" ? AssessmentSource.Surveyed : AssessmentSource.Illustrative,
        new AssessmentAnswers
        {
            ContactPerson = Bool(r.ContactPerson),
            PaidStaffFte = r.PaidStaffFte,
            Network = Bool(r.Network),
            VolunteerCoordination = Bool(r.VolunteerCoordination),
            MigrantCouncil = Bool(r.MigrantCouncil),
            IntegrationConcept = Bool(r.IntegrationConcept),
            CouncilResolution = Bool(r.CouncilResolution),
            IntermunicipalExchange = Bool(r.IntermunicipalExchange),
            IntegrationBudgetEur = r.IntegrationBudgetEur,
            ActiveVolunteers = (int?)r.ActiveVolunteers,
            VolunteerAllowance = Bool(r.VolunteerAllowance),
            MigrantOrganisations = (int?)r.MigrantOrganisations,
            YearsOfIntegrationWork = r.YearsOfIntegrationWork,
            ContactPersonProvider = ParseProvider(r.ContactPersonProvider),
            PaidStaffFteProvider = ParseProvider(r.PaidStaffFteProvider),
            NetworkProvider = ParseProvider(r.NetworkProvider),
            VolunteerCoordinationProvider = ParseProvider(r.VolunteerCoordinationProvider),
            IntegrationConceptProvider = ParseProvider(r.IntegrationConceptProvider),
        },
        DateTimeOffset.Parse(r.RecordedAt, System.Globalization.CultureInfo.InvariantCulture),
        r.RecordedBy, r.BatchId, r.Note);

    private static bool? Bool(long? value) => value is null ? null : value != 0;

    /// <summary>The stored name of a provider; own is stored as NULL, as older rows have it.</summary>
    private static string? ProviderText(Provider? provider) => provider switch
    {
        Provider.AdministrativeUnion => "administrativeUnion",
        Provider.District => "district",
        _ => null,
    };

    private static Provider? ParseProvider(string? text) => text switch
    {
        "administrativeUnion" => Provider.AdministrativeUnion,
        "district" => Provider.District,
        _ => null,
    };

    private sealed record AssessmentRow(
        long Id, string Ags, string ReferenceDate, string Source, long? ContactPerson, double? PaidStaffFte, long? Network,
        long? VolunteerCoordination, long? MigrantCouncil, long? IntegrationConcept, long? CouncilResolution, long? IntermunicipalExchange,
        double? IntegrationBudgetEur, long? ActiveVolunteers, long? VolunteerAllowance, long? MigrantOrganisations,
        double? YearsOfIntegrationWork, string RecordedAt, string RecordedBy, string? BatchId, string? Note,
        string? ContactPersonProvider, string? PaidStaffFteProvider, string? NetworkProvider, string? VolunteerCoordinationProvider,
        string? IntegrationConceptProvider);
}
