using Readiness.Scoring.Scores;

namespace Readiness.Api.Localization;

/// <summary>The localised companions of the machine keys (tiers, structures, indicators, flags, offers): see docs/glossar.md.</summary>
internal static class Labels
{
    public static string Tier(ReadinessTier tier) => Texts.Get("Tier." + tier.WireName());

    public static string Tier(string wireName) => Texts.Get("Tier." + wireName);

    /// <summary>A structure as a noun, e.g. "Ehrenamtskoordination".</summary>
    public static string Structure(string key) => Texts.Find("Structure." + key) ?? Readable(key);

    /// <summary>A structure as the object of "hat …", e.g. "eine Ehrenamtskoordination".</summary>
    public static string StructureHas(string key) => Texts.Find("Structure." + key + ".Has") ?? Readable(key);

    /// <summary>What to do to get the structure, e.g. "eine Ehrenamtskoordination einrichten".</summary>
    public static string StructureAction(string key) => Texts.Find("Structure." + key + ".Action") ?? Readable(key);

    public static string Indicator(string key) => Texts.Find("Indicator." + key) ?? Readable(key);

    public static string Pillar(string key) => Texts.Find("Pillar." + key) ?? Readable(key);

    public static string Flag(string key) => Texts.Find("Flag." + key) ?? Readable(key);

    public static string Offer(string key, string fallback) => Texts.Find("Offer." + key) ?? fallback;

    public static string Quality(string wireName) => Texts.Get("Quality." + wireName);

    /// <summary>"a, b und c" in the text's language.</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " " + Texts.Get("Pairing.And") + " " + items[^1],
    };

    /// <summary>A key without a text yet, in words rather than camelCase: "newStructure" → "new structure".</summary>
    private static string Readable(string key)
    {
        var words = new System.Text.StringBuilder(key.Length + 4);
        foreach (var c in key)
        {
            if (char.IsUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c == '-' ? ' ' : c);
            }
        }

        return words.ToString();
    }
}
