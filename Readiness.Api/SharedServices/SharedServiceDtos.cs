using Readiness.Scoring.SharedServices;

namespace Readiness.Api.SharedServices;

/// <summary>A member of a shared-service group.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Name">Name without the designation suffix, e.g. Andechs.</param>
/// <param name="Population">Residents (GV-ISys 31.12.2023).</param>
/// <param name="ForeignResidents">Foreign residents (Zensus 2022); null where not published.</param>
public sealed record SharedServiceMemberDto(string Ags, string Name, long Population, double? ForeignResidents);

/// <summary>An offer the group could share.</summary>
/// <param name="Key">Offer key, e.g. joint-contact-point.</param>
/// <param name="Title">What it is, in the answer's language (German by default, English with Accept-Language: en).</param>
/// <param name="Because">The missing structures that call for it.</param>
/// <param name="Kind">joint (set up together: two or more members lack it), host (one member, or a larger neighbour, has it and serves the others) or courses.</param>
/// <param name="Host">For a host offer: who has it and serves the others.</param>
/// <param name="For">The members it is for (those that lack it).</param>
public sealed record SuggestedOfferDto(
    string Key, string Title, IReadOnlyList<string> Because, OfferKind? Kind = null, MunicipalityRefDto? Host = null, IReadOnlyList<MunicipalityRefDto>? For = null);

/// <summary>A larger neighbour that joins a group only as host of what it has; it is no member and never makes a group eligible.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel.</param>
/// <param name="Name">Name.</param>
/// <param name="Structures">The structures it hosts for the members that lack them.</param>
public sealed record GroupHostDto(string Ags, string Name, IReadOnlyList<string> Structures);

/// <summary>A group of small neighbouring municipalities that together can carry a shared offer.</summary>
/// <param name="Id">Group id, e.g. 09187-03 (district and sequence).</param>
/// <param name="DistrictKey">District.</param>
/// <param name="Members">Members, contiguous through shared borders.</param>
/// <param name="Population">Combined residents.</param>
/// <param name="ForeignResidents">Combined foreign residents (Zensus 2022).</param>
/// <param name="ForeignResidentsComplete">False when a member's foreign share is not published, so the sum is a lower bound.</param>
/// <param name="FloorReachedBy">Which floor the group reaches: foreign-residents and/or population.</param>
/// <param name="AdministrativeUnions">Verwaltungsgemeinschaften among the members, kept together.</param>
/// <param name="MissingStructures">Structures none of the members has.</param>
/// <param name="UnconfirmedMissingStructures">Structures no member reports, where some did not answer.</param>
/// <param name="SuggestedOffers">Shared offers that follow from the gaps.</param>
/// <param name="RunId">The run the answer comes from (see GET /api/v1/runs/{id}).</param>
/// <param name="DataQuality">What the members' structures rest on: surveyed, illustrative or mixed.</param>
/// <param name="Hosts">Larger neighbours (above the population threshold) that join only as hosts of what they have.</param>
public sealed record SharedServiceGroupDto(
    string Id, string DistrictKey, IReadOnlyList<SharedServiceMemberDto> Members, long Population, double ForeignResidents,
    bool ForeignResidentsComplete, IReadOnlyList<string> FloorReachedBy, IReadOnlyList<string> AdministrativeUnions,
    IReadOnlyList<string> MissingStructures, IReadOnlyList<string> UnconfirmedMissingStructures, IReadOnlyList<SuggestedOfferDto> SuggestedOffers, long RunId, DataQualityDto DataQuality,
    IReadOnlyList<GroupHostDto>? Hosts = null);
