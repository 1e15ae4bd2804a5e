using Readiness.Scoring.Model;

namespace Readiness.Scoring.Scores;

/// <summary>
/// Warnings a planner should see beside a score. A flag fires only on answers that are known:
/// a missing answer is never read as "no".
/// </summary>
public static class ReadinessFlags
{
    /// <summary>Active volunteers, but neither paid staff nor a volunteer coordination: volunteers carry what paid structures should.</summary>
    public const string VolunteersWithoutPaidBacking = "volunteers-without-paid-backing";

    /// <summary>No designated contact person for integration.</summary>
    public const string NoContactPerson = "no-contact-person";

    /// <summary>A foreign share above the profile's threshold, but no migrant council.</summary>
    public const string NoMigrantRepresentation = "no-migrant-representation";

    /// <summary>Too few answers for a score.</summary>
    public const string InsufficientData = "insufficient-data";

    public static IReadOnlyList<string> All { get; } = [VolunteersWithoutPaidBacking, NoContactPerson, NoMigrantRepresentation, InsufficientData];

    /// <summary>The flags of one municipality, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> For(ScoringProfile profile, MunicipalityFacts facts, AssessmentAnswers? answers, ReadinessTier tier)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(facts);
        var flags = new List<string>(2);
        if (answers is not null)
        {
            if (answers.ActiveVolunteers > 0 && answers.PaidStaffFte is <= 0 && answers.VolunteerCoordination is false)
            {
                flags.Add(VolunteersWithoutPaidBacking);
            }

            if (answers.ContactPerson is false)
            {
                flags.Add(NoContactPerson);
            }

            if (facts.ForeignShare > profile.MigrantRepresentationThreshold && answers.MigrantCouncil is false)
            {
                flags.Add(NoMigrantRepresentation);
            }
        }

        if (tier == ReadinessTier.InsufficientData)
        {
            flags.Add(InsufficientData);
        }

        return flags;
    }
}
