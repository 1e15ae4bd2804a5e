using System.Globalization;
using Readiness.Api.Localization;
using Readiness.Api.Runs;
using Readiness.Data.Assessments;
using Readiness.Data.Decisions;
using Readiness.Scoring.Model;

namespace Readiness.Api.Measures;

/// <summary>Builds a measure's answer: names, overdue, evidence from later surveyed assessments, and its ETag.</summary>
internal static class MeasureAnswers
{
    public static string ETag(MeasureRecord m) => string.Create(CultureInfo.InvariantCulture, $"\"measure-{m.Id}-v{m.Version}\"");

    public static MeasureDto ToDto(MeasureRecord m, BaseDataCache baseData, AssessmentStore assessments, DateOnly today) => new(
        m.Id, m.DistrictKey, m.Title, m.FieldOfAction,
        new AddresseeDto(m.AddresseeKind, m.AddresseeAgs, m.AddresseeAgs is { } ags ? baseData.Find(ags)?.Name : null),
        m.ResponsibleRole, m.DueDate, m.Status, m.Consequence,
        new MeasureLinksDto(
            m.LinkAgs is null ? null : new RecommendationLinkDto(m.LinkAgs, m.LinkIndicator),
            m.LinkMentee is null ? null : new PairLinkDto(m.LinkMentee, m.LinkMentor),
            m.LinkSharedGroup),
        m.IsOverdue(today), Evidence(m, assessments), m.Version, m.CreatedAt, m.UpdatedAt);

    /// <summary>
    /// The first surveyed assessment of the linked municipality, dated on or after the day the measure was created, that
    /// shows the structure. Illustrative assessments are no evidence: they are generated, not reported.
    /// </summary>
    public static EvidenceDto? Evidence(MeasureRecord m, AssessmentStore assessments)
    {
        if (m.LinkAgs is not { } ags || m.LinkIndicator is not { } structure || !Structures.All.Contains(structure))
        {
            return null;
        }

        var created = DateOnly.FromDateTime(m.CreatedAt.UtcDateTime);
        var shown = assessments.History(ags)
            .Where(a => a.Source == AssessmentSource.Surveyed && a.ReferenceDate >= created && Structures.Has(a.Answers, structure) == true)
            .OrderBy(a => a.ReferenceDate)
            .FirstOrDefault();
        return shown is null ? null : new EvidenceDto(structure, shown.ReferenceDate,
            Texts.Format("Measure.Evidence", Labels.Structure(structure), Texts.Date(shown.ReferenceDate)));
    }

    /// <summary>Structure labels for a measure made from a recommendation (German: the words of a district office).</summary>
    public static string Label(string structure) => structure switch
    {
        Structures.ContactPerson => "Ansprechperson für Integration benennen",
        Structures.PaidStaff => "Hauptamtliche Stelle für Integration schaffen",
        Structures.Network => "Netzwerk oder Runden Tisch Integration aufbauen",
        Structures.VolunteerCoordination => "Koordination des Ehrenamts einrichten",
        Structures.MigrantCouncil => "Integrationsbeirat gründen",
        Structures.IntegrationConcept => "Integrationskonzept erarbeiten",
        Structures.CouncilResolution => "Gemeinderatsbeschluss zur Integration fassen",
        Structures.IntermunicipalExchange => "Am interkommunalen Austausch teilnehmen",
        _ => structure,
    };

    /// <summary>The field of action a recommended structure belongs to; the cooperation with the municipalities by default.</summary>
    public static string FieldOf(string structure, IReadOnlyList<string> fields)
    {
        var preferred = structure switch
        {
            Structures.VolunteerCoordination => "Bürgerschaftliches Engagement und Ehrenamt",
            Structures.MigrantCouncil => "Teilhabe, Partizipation und Zusammenleben",
            _ => "Zusammenarbeit mit den Gemeinden",
        };
        return fields.Contains(preferred) ? preferred : fields[^1];
    }
}
