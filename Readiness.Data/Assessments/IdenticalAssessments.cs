using System.Data;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Readiness.Scoring.Model;

namespace Readiness.Data.Assessments;

/// <summary>
/// Finds surveyed assessments identical to new ones (municipality, reference date, every answer and the
/// note): sent again, by a retry without an Idempotency-Key or a file imported twice, they are reported
/// as duplicates and not stored again. Asked inside the write's transaction, so two writers cannot both miss.
/// </summary>
public static class IdenticalAssessments
{
    /// <summary>The id of a stored surveyed assessment identical to <paramref name="assessment"/>, or null.</summary>
    public static long? Find(IDbConnection connection, IDbTransaction transaction, NewAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(assessment);
        var wanted = Signature(assessment.Ags, assessment.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Values(assessment.Answers), assessment.Note);
        return connection.Query<StoredRow>(
                $"""
                SELECT {Columns} FROM assessments
                WHERE ags = @ags AND source = 'surveyed' AND reference_date = @date ORDER BY id
                """,
                new { ags = assessment.Ags, date = assessment.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, transaction)
            .FirstOrDefault(r => r.Signature == wanted)?.Id;
    }

    /// <summary>For each new assessment, whether an identical surveyed one is stored (one query for all of them).</summary>
    public static bool[] Mark(IDbConnection connection, IDbTransaction? transaction, IReadOnlyList<NewAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(assessments);
        var duplicates = new bool[assessments.Count];
        if (assessments.Count == 0)
        {
            return duplicates;
        }

        var agsList = JsonSerializer.Serialize(assessments.Select(a => a.Ags).Distinct(StringComparer.Ordinal));
        // The one dialect difference here: how each provider unpacks a JSON array of keys.
        var keys = connection is Npgsql.NpgsqlConnection ? "SELECT json_array_elements_text(CAST(@agsList AS json))" : "SELECT value FROM json_each(@agsList)";
        var stored = connection.Query<StoredRow>(
                $"""
                SELECT {Columns} FROM assessments
                WHERE source = 'surveyed' AND ags IN ({keys})
                """,
                new { agsList }, transaction)
            .Select(r => r.Signature)
            .ToHashSet(StringComparer.Ordinal);
        if (stored.Count == 0)
        {
            return duplicates;
        }

        for (var i = 0; i < assessments.Count; i++)
        {
            var a = assessments[i];
            duplicates[i] = stored.Contains(Signature(a.Ags, a.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Values(a.Answers), a.Note));
        }

        return duplicates;
    }

    private const string Columns =
        """
        id, ags, reference_date, contact_person, paid_staff_fte, network, volunteer_coordination, migrant_council, integration_concept,
        council_resolution, intermunicipal_exchange, integration_budget_eur, active_volunteers, volunteer_allowance, migrant_organisations,
        years_of_integration_work, note,
        contact_person_provider, paid_staff_fte_provider, network_provider, volunteer_coordination_provider, integration_concept_provider
        """;

    private static double?[] Values(AssessmentAnswers a) =>
    [
        Flag(a.ContactPerson), a.PaidStaffFte, Flag(a.Network), Flag(a.VolunteerCoordination), Flag(a.MigrantCouncil), Flag(a.IntegrationConcept),
        Flag(a.CouncilResolution), Flag(a.IntermunicipalExchange), a.IntegrationBudgetEur, a.ActiveVolunteers, Flag(a.VolunteerAllowance),
        a.MigrantOrganisations, a.YearsOfIntegrationWork,
        Shared(a.ContactPersonProvider), Shared(a.PaidStaffFteProvider), Shared(a.NetworkProvider), Shared(a.VolunteerCoordinationProvider),
        Shared(a.IntegrationConceptProvider),
    ];

    /// <summary>A provider as a number in the signature: own and absent are the same (stored as NULL).</summary>
    private static double? Shared(Provider? provider) => provider switch
    {
        Provider.AdministrativeUnion => 1,
        Provider.District => 2,
        _ => null,
    };

    private static double? Shared(string? stored) => stored switch
    {
        "administrativeUnion" => 1,
        "district" => 2,
        _ => null,
    };

    private static double? Flag(bool? value) => value is null ? null : value.Value ? 1 : 0;

    /// <summary>One string per assessment: the values in round-trip form, so that equal doubles give equal text.</summary>
    private static string Signature(string ags, string date, double?[] values, string? note)
    {
        var text = new StringBuilder(ags).Append('|').Append(date);
        foreach (var value in values)
        {
            text.Append('|').Append(value?.ToString("R", CultureInfo.InvariantCulture) ?? "-");
        }

        return text.Append('|').Append(note is null ? "-" : "\"" + note).ToString();
    }

    private sealed record StoredRow(
        long Id, string Ags, string ReferenceDate, long? ContactPerson, double? PaidStaffFte, long? Network, long? VolunteerCoordination,
        long? MigrantCouncil, long? IntegrationConcept, long? CouncilResolution, long? IntermunicipalExchange, double? IntegrationBudgetEur,
        long? ActiveVolunteers, long? VolunteerAllowance, long? MigrantOrganisations, double? YearsOfIntegrationWork, string? Note,
        string? ContactPersonProvider, string? PaidStaffFteProvider, string? NetworkProvider, string? VolunteerCoordinationProvider,
        string? IntegrationConceptProvider)
    {
        public string Signature => IdenticalAssessments.Signature(Ags, ReferenceDate,
        [
            ContactPerson, PaidStaffFte, Network, VolunteerCoordination, MigrantCouncil, IntegrationConcept, CouncilResolution,
            IntermunicipalExchange, IntegrationBudgetEur, ActiveVolunteers, VolunteerAllowance, MigrantOrganisations, YearsOfIntegrationWork,
            Shared(ContactPersonProvider), Shared(PaidStaffFteProvider), Shared(NetworkProvider), Shared(VolunteerCoordinationProvider),
            Shared(IntegrationConceptProvider),
        ], Note);
    }
}
