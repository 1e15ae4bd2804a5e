namespace Readiness.Scoring.Scores;

/// <summary>The tiers' wire names: the one place that turns a tier into text and back (stored rows keep the text).</summary>
public static class TierNames
{
    /// <summary>The order in which the v1 contract lists the tiers: by progress, then insufficient-data.</summary>
    public static readonly IReadOnlyList<ReadinessTier> InContractOrder =
        [ReadinessTier.Starting, ReadinessTier.Developing, ReadinessTier.Established, ReadinessTier.Experienced, ReadinessTier.InsufficientData];

    /// <summary>The wire names in contract order.</summary>
    public static readonly IReadOnlyList<string> WireNames = [.. InContractOrder.Select(WireName)];

    public static string WireName(this ReadinessTier tier) => tier switch
    {
        ReadinessTier.InsufficientData => "insufficient-data",
        ReadinessTier.Starting => "starting",
        ReadinessTier.Developing => "developing",
        ReadinessTier.Established => "established",
        ReadinessTier.Experienced => "experienced",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "Not a tier."),
    };

    /// <summary>The tier of a wire name (as stored with a run's scores).</summary>
    public static ReadinessTier Parse(string wireName) =>
        TryParse(wireName, out var tier) ? tier : throw new FormatException(Message(wireName));

    /// <summary>What a client is told when it sent something else.</summary>
    public static string Message(string value) => $"'{value}' is not a tier: expected one of {string.Join(", ", WireNames)}.";

    public static bool TryParse(string? wireName, out ReadinessTier tier)
    {
        foreach (var candidate in InContractOrder)
        {
            if (string.Equals(WireName(candidate), wireName, StringComparison.Ordinal))
            {
                tier = candidate;
                return true;
            }
        }

        tier = default;
        return false;
    }
}
