using System.ComponentModel.DataAnnotations;

namespace Readiness.Api.Decisions;

/// <summary>How long a declined or forbidden pair stays out of the proposals (<c>Readiness:Pairing:DeclinedForMonths</c>).</summary>
public sealed class DecisionOptions
{
    public const string Section = "Readiness:Pairing";

    [Range(1, 240, ErrorMessage = "Readiness:Pairing:DeclinedForMonths must be between 1 and 240.")]
    public int DeclinedForMonths { get; set; } = 24;
}
