using Readiness.Scoring.Model;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// What a group could share, from what its members lack: per structure, a host offer when a member (or a
/// larger neighbour joining as host) has it and others lack it, a joint offer when at least two members lack
/// it and nobody has it; plus joint courses when the group has enough foreign residents to fill them. In the
/// order of <see cref="Structures.All"/>; the table is documented in docs/shared-services.md.
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

    /// <summary>Title of a host offer: generic, the host is named by <see cref="SuggestedOffer.HostAgs"/>.</summary>
    public const string HostTitle = "One member hosts the structure for the members that lack it";

    /// <summary>
    /// Offers from the members' answers. A structure answered "yes" (own or shared) is present; "no" or no answer
    /// is lacking (no answer is listed as unconfirmed). The host is the largest place that has it, members and
    /// hosts alike (ties: lower AGS).
    /// </summary>
    public static IReadOnlyList<SuggestedOffer> From(
        IReadOnlyList<SharedServiceMunicipality> members, IReadOnlyList<SharedServiceMunicipality> hosts, bool enoughParticipants)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(hosts);
        var offers = new List<SuggestedOffer>();
        foreach (var structure in Structures.All)
        {
            var lacking = members.Where(m => !HostAssignment.Has(m, structure)).Select(m => m.Ags).Order(StringComparer.Ordinal).ToList();
            if (lacking.Count == 0)
            {
                continue;
            }

            var unconfirmed = members.Where(m => m.Structures.GetValueOrDefault(structure) is null).Select(m => m.Ags).Order(StringComparer.Ordinal).ToList();
            var host = GroupDescriptions.Hostable.Contains(structure)
                ? members.Concat(hosts).Where(m => HostAssignment.Has(m, structure))
                    .OrderByDescending(m => m.Population).ThenBy(m => m.Ags, StringComparer.Ordinal).FirstOrDefault()
                : null;
            var (key, title) = ByStructure[structure];
            if (host is not null)
            {
                offers.Add(new SuggestedOffer(key, HostTitle, [structure], OfferKind.Host, host.Ags, lacking, unconfirmed));
            }
            else if (lacking.Count >= 2)
            {
                offers.Add(new SuggestedOffer(key, title, [structure], OfferKind.Joint, null, lacking, unconfirmed));
            }
        }

        if (enoughParticipants)
        {
            offers.Add(new SuggestedOffer(JointCourses, JointCoursesTitle, [], OfferKind.Courses, null, [.. members.Select(m => m.Ags)], []));
        }

        return offers;
    }

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
