using Readiness.Scoring.Model;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// What a group could share, from what none of its members has. One offer per missing structure, in the
/// order of <see cref="Structures.All"/>, plus joint courses when the group has enough foreign residents
/// to fill them. The table is documented in docs/shared-services.md.
/// </summary>
public static class SharedOffers
{
    public const string JointContactPoint = "joint-contact-point";
    public const string SharedIntegrationStaff = "shared-integration-staff";
    public const string JointNetwork = "joint-network";
    public const string JointVolunteerCoordination = "joint-volunteer-coordination";
    public const string JointMigrantCouncil = "joint-migrant-council";
    public const string JointIntegrationConcept = "joint-integration-concept";
    public const string CoordinatedCouncilResolutions = "coordinated-council-resolutions";
    public const string RegularExchange = "regular-exchange";
    public const string JointCourses = "joint-courses";

    /// <summary>Missing structure → (offer key, title).</summary>
    public static readonly IReadOnlyDictionary<string, (string Key, string Title)> ByStructure = new Dictionary<string, (string, string)>
    {
        [Structures.ContactPerson] = (JointContactPoint, "A joint contact point for integration, with one designated contact person for all members"),
        [Structures.PaidStaff] = (SharedIntegrationStaff, "Shared paid integration staff: one post funded jointly"),
        [Structures.Network] = (JointNetwork, "A joint network or round table on integration"),
        [Structures.VolunteerCoordination] = (JointVolunteerCoordination, "Joint volunteer coordination, backed by paid staff rather than replacing it"),
        [Structures.MigrantCouncil] = (JointMigrantCouncil, "A joint migrant advisory council (Integrationsbeirat) for the group"),
        [Structures.IntegrationConcept] = (JointIntegrationConcept, "A joint integration concept for the group"),
        [Structures.CouncilResolution] = (CoordinatedCouncilResolutions, "Coordinated council resolutions that commit each member to the joint offers"),
        [Structures.IntermunicipalExchange] = (RegularExchange, "Regular exchange among the members on integration work"),
    };

    public const string JointCoursesTitle = "Joint courses (language, orientation, counselling hours) that fill up only with the participants of several municipalities";

    /// <summary>Offers for the given missing structures, in structure order, then joint courses when <paramref name="enoughParticipants"/>.</summary>
    public static IReadOnlyList<SuggestedOffer> For(IReadOnlyCollection<string> missingStructures, bool enoughParticipants)
    {
        ArgumentNullException.ThrowIfNull(missingStructures);
        var offers = Structures.All
            .Where(missingStructures.Contains)
            .Select(s => new SuggestedOffer(ByStructure[s].Key, ByStructure[s].Title, [s]))
            .ToList();
        if (enoughParticipants)
        {
            offers.Add(new SuggestedOffer(JointCourses, JointCoursesTitle, []));
        }

        return offers;
    }
}
