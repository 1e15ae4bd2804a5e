using System.Text.Json;
using Readiness.Api.Assessments;
using Readiness.Api.Municipalities;
using Readiness.Api.Pairing;
using Readiness.Api.PeerGroups;
using Readiness.Api.Readiness;
using Readiness.Api.Runs;
using Readiness.Api.SharedServices;
using Readiness.Scoring.Scores;

namespace Readiness.Api.OpenApi;

/// <summary>
/// Example bodies for the OpenAPI document, taken from a real run on the shipped data (Andechs and its
/// neighbours in Landkreis Starnberg) and shortened. Typed, so a change to a DTO shows up here.
/// </summary>
internal static class Examples
{
    private static readonly PeerGroupRefDto SmallRural = new(4, "Kleine ländliche Gemeinden: Median 2.500 Einwohner (meist 510 bis 7.200), 120 Einwohner je km², mittlerer Ausländeranteil mit Median 9 % (meist 6 % bis 13 %)");
    private static readonly RankDto AndechsRank = new(14, 1134, 4828, 14, 1978, 10455);
    private static readonly RankIntervalDto AndechsInterval = new(4584, 5364, 4993);

    public static readonly Paged<MunicipalitySummaryDto> MunicipalityList = new(
        [
            new("09188117", "Andechs", "gemeinde", "09188", "Starnberg", "09", 3865, 40.43, 0.135, 35.18, ReadinessTier.Developing, SmallRural),
            new("09188113", "Berg", "gemeinde", "09188", "Starnberg", "09", 8321, 36.63, 0.14, 48.52, ReadinessTier.Developing,
                new PeerGroupRefDto(6, "Mittelgroße Umlandgemeinden, Kleinstädte und Städte: Median 17.000 Einwohner (meist 5.900 bis 70.000), 520 Einwohner je km², hoher Ausländeranteil mit Median 15 % (meist 11 % bis 21 %)")),
        ],
        1, 2, 14);

    public static readonly MunicipalityDto Municipality = new(
        "09188117", "Andechs", "Andechs", "gemeinde", "Gemeinde", "09188", "Starnberg", "09", "Bayern",
        3865, 40.43, 96, new CensusDto(3780, 0.135, 0.174, null), 0.135, 47.966991, 11.184792, 3, null,
        [
            new("09190138", "Pähl", NeighbourSourceDto.Boundary, 14382.3, 6.925, null),
            new("09188124", "Herrsching a.Ammersee", NeighbourSourceDto.Boundary, 11555.8, 3.587, null),
            new("09181114", "Dießen am Ammersee", NeighbourSourceDto.Boundary, null, 6.971, new MunicipalityRefDto("09188451", "Ammersee")),
        ],
        new MunicipalityPeerGroupDto(SmallRural.Id, SmallRural.Label, 0.8712, new SecondGroupDto(5, "Mittelgroße Umlandgemeinden und Kleinstädte: Median 6.200 Einwohner (meist 1.100 bis 20.000), 230 Einwohner je km², mittlerer Ausländeranteil mit Median 7 % (meist 3 % bis 11 %)", 1.2044)),
        null, 35.18, ReadinessTier.Developing, DataQualityDto.Illustrative);

    private static readonly IReadOnlyList<PillarDto> Pillars =
    [
        new("structures", 31.82, 0.5),
        new("resources", 12.65, 0.3),
        new("experience", 77.38, 0.2),
    ];

    private static readonly IReadOnlyList<IndicatorDto> Indicators =
    [
        new("contactPerson", "structures", 1, 1, 1, 0.090909, 9.0909),
        new("paidStaffFte", "structures", 0, 0, 0, 0.090909, 0),
        new("activeVolunteers", "resources", 3.104, 12, 0.3104, 0.06, 1.8624),
    ];

    public static readonly ReadinessDto Readiness = new(
        "09188117", "Andechs", "09188", 35.18, ReadinessTier.Developing, 1, AndechsRank, AndechsInterval,
        new RankIntervalsDto(AndechsInterval, new RankIntervalDto(14, 14, 14), new RankIntervalDto(1091, 1249, 1177)),
        Pillars, Indicators, ["no-migrant-representation"],
        [new("migrantCouncil", 6.82, 279, 613), new("network", 4.55, 475, 613)],
        SmallRural, new AssessmentRefDto(6684, new DateOnly(2024, 12, 31), DataQualityDto.Illustrative),
        DataQualityDto.Illustrative, "default", 12);

    public static readonly WhatIfRequest WhatIfBody = new(MigrantCouncil: true, Network: true, PaidStaffFte: 0.5);

    public static readonly WhatIfDto WhatIf = new(
        "09188117", "Andechs", 47.5, ReadinessTier.Developing, 1, new RankDto(12, 702, 3511, 14, 1978, 10455),
        [new("structures", 56.36, 0.5), new("resources", 12.65, 0.3), new("experience", 77.38, 0.2)],
        [new("contactPerson", "structures", 1, 1, 1, 0.090909, 9.0909), new("migrantCouncil", "structures", 1, 1, 1, 0.068182, 6.8182)],
        [],
        [new("integrationConcept", 4.55, 316, 613)],
        new WhatIfBaselineDto(35.18, ReadinessTier.Developing, AndechsRank),
        ["migrantCouncil", "network", "paidStaffFte"], "default", 12, DataQualityDto.Illustrative);

    public static readonly ReadinessPageDto Ranking = new(
        [
            new("09188141", "Tutzing", "09188", 78.06, ReadinessTier.Experienced, 1, new RankDto(3, 301, 1290, 14, 1978, 10455),
                new RankIntervalDto(1102, 1530, 1297), SmallRural, DataQualityDto.Illustrative),
        ],
        1, 1, 14, "default", 12, DataQualityDto.Illustrative);

    private static readonly PairingDto AndechsPair = new(
        new PairPartyDto("09188117", "Andechs", "09188", 35.18, ReadinessTier.Developing, DataQualityDto.Illustrative),
        new PairPartyDto("09188132", "Seefeld", "09188", 80.72, ReadinessTier.Experienced, DataQualityDto.Illustrative),
        0.264, new BenefitPartsDto(0.7957, 0.6818, 0.4554, 0.3528, 0.9405, 2.2622), 7.41, true, false,
        [new("paidStaff", 0.0909, false), new("migrantCouncil", 0.0682, false), new("network", 0.0455, false)],
        12, true, DataQualityDto.Illustrative);

    public static readonly Paged<PairingDto> Pairings = new([AndechsPair], 1, 1, 3);

    public static readonly MunicipalityPairingDto MunicipalityPairing = new(
        "09188117", PairingRoleDto.Mentee, AndechsPair, [], null,
        "Seefeld hat eine hauptamtliche Stelle für Integration, einen Integrationsbeirat und ein Netzwerk oder einen runden Tisch zur Integration und kann Erfahrungen an Andechs weitergeben; 7,4 km, gemeinsame Gemeindegrenze.", 12);

    private static readonly SharedServiceGroupDto SharedGroup = new(
        "09171-01", "09171",
        [new("09171114", "Emmerting", 4254, 445), new("09171124", "Mehring", 2416, 179)],
        6670, 624, true, ["foreignResidents"], ["091715101"], ["migrantCouncil"], [],
        [new("joint-contact-point", "Gemeinsame Anlaufstelle für Integration", ["contactPerson"])],
        12, DataQualityDto.Illustrative);

    public static readonly Paged<SharedServiceGroupDto> SharedServices = new([SharedGroup], 1, 1, 363);

    public static readonly SharedServiceGroupDto SharedService = SharedGroup;

    public static readonly AssessmentRequest AssessmentBody = new(
        new DateOnly(2025, 6, 30), ContactPerson: true, PaidStaffFte: 0.5, Network: true, VolunteerCoordination: false,
        MigrantCouncil: false, ActiveVolunteers: 24, IntegrationBudgetEur: 15000, YearsOfIntegrationWork: 8.5,
        Note: "Umfrage 2025, beantwortet vom Rathaus",
        PaidStaffFteProvider: ProviderDto.AdministrativeUnion, NetworkProvider: ProviderDto.District);

    public static readonly AssessmentDto Assessment = new(
        10753, "09188117", new DateOnly(2025, 6, 30), AssessmentSourceDto.Surveyed,
        true, 0.5, true, false, false, null, null, null, 15000, 24, null, null, 8.5,
        "Umfrage 2025, beantwortet vom Rathaus", new DateTimeOffset(2025, 7, 2, 8, 15, 0, TimeSpan.Zero), "Landratsamt Starnberg", null,
        ProviderDto.Own, ProviderDto.AdministrativeUnion, null, ProviderDto.District, null);

    public static readonly string ImportCsv =
        "ags;referenceDate;contactPerson;paidStaffFte;network;networkProvider;activeVolunteers;note\r\n"
        + "09188117;2025-06-30;ja;0,5;ja;;24;Umfrage 2025\r\n"
        + "09188118;30.06.2025;nein;;ja;district;12;\r\n";

    public static readonly IReadOnlyList<ImportRowRequest> ImportJson =
    [
        new("09188117", new DateOnly(2025, 6, 30), ContactPerson: true, PaidStaffFte: 0.5, Network: true, ActiveVolunteers: 24, Note: "Umfrage 2025"),
        new("09188118", new DateOnly(2025, 6, 30), ContactPerson: false, Network: true, ActiveVolunteers: 12, NetworkProvider: ProviderDto.District),
    ];

    public static readonly ImportResultDto ImportResult = new(false, 2, 2, 1, "b7d3c1e0a2f44b6c9e8d7f6a5b4c3d2e", "csv", ";");

    public static readonly RunDto Run = new(
        12, RunStatusDto.Succeeded, RunTriggerDto.Schedule,
        new DateTimeOffset(2025, 7, 3, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 7, 3, 0, 0, 38, TimeSpan.Zero),
        new DateTimeOffset(2025, 7, 3, 0, 0, 38, TimeSpan.Zero), true,
        "d54485f3a918d6f0b546f749a4332760bd41b40daef6f81526f7ec024971a4d4",
        [
            new StageRecord("snapshot", 1120.1, new Dictionary<string, long> { ["municipalities"] = 10752, ["assessments"] = 10752 }),
            new StageRecord("scores", 555.7, new Dictionary<string, long> { ["scored"] = 10455, ["insufficientData"] = 297 }),
            new StageRecord("pairing", 1119.5, new Dictionary<string, long> { ["pairs"] = 3330, ["unpaired"] = 4209 }),
        ],
        JsonDocument.Parse("""{"stages":{"pairing":{"maxDistanceKm":30,"maxMenteesPerMentor":2}}}""").RootElement.Clone(),
        null, null);

    public static readonly Paged<RunDto> Runs = new([Run], 1, 1, 12);

    public static readonly string ReadinessCsv =
        "ags;name;kind;districtKey;districtName;stateKey;population;foreignShare;score;tier;coverage;structuresScore;resourcesScore;"
        + "experienceScore;rankDistrict;rankPeerGroup;rankAll;rankLow;rankHigh;dataQuality;peerGroupId;peerGroupLabel;mentorAgs;mentorName;"
        + "menteeAgs;menteeNames;sharedServiceGroupId;profile;runId\n"
        + "09188117;Andechs;gemeinde;09188;Starnberg;09;3865;0,135;35,18;developing;1;31,82;12,65;77,38;14;1134;4828;4584;5364;illustrative;4;"
        + "Kleine ländliche Gemeinden: Median 2.500 Einwohner (meist 510 bis 7.200), 120 Einwohner je km², mittlerer Ausländeranteil mit Median 9 % (meist 6 % bis 13 %);09188132;Seefeld;;;;default;12\n";
}
