namespace Readiness.Api.Infrastructure;

// References from one answer to things other features describe in full.

/// <summary>A reference to a municipality.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Name">Name without the designation suffix, e.g. Andechs.</param>
public sealed record MunicipalityRefDto(string Ags, string Name);

/// <summary>A reference to a peer group.</summary>
/// <param name="Id">Stable group id.</param>
/// <param name="Label">Human label.</param>
public sealed record PeerGroupRefDto(int Id, string Label);

/// <summary>A reference to a shared-service group.</summary>
/// <param name="Id">Group id, e.g. 09187-03.</param>
/// <param name="MemberCount">How many municipalities share it.</param>
public sealed record SharedServiceGroupRefDto(string Id, int MemberCount);
