namespace Readiness.Api.Auth;

/// <summary>The <c>Readiness:Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Readiness:Auth";

    /// <summary>When true, reads under <c>/api</c> need a key too (reader role or higher); <c>/health</c> and <c>/swagger</c> stay open.</summary>
    public bool RequireKeyForReads { get; set; }
}
