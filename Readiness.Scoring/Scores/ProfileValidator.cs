using System.Text.RegularExpressions;

namespace Readiness.Scoring.Scores;

/// <summary>
/// Checks a profile before it is stored or used. Errors are keyed by the JSON path of the field
/// (<c>indicators[2].floor</c>), in the shape of a validation problem's <c>errors</c>.
/// </summary>
public static partial class ProfileValidator
{
    /// <summary>English messages by JSON path; empty when the profile is valid.</summary>
    public static Dictionary<string, string[]> Validate(ScoringProfile profile) =>
        Check(profile).GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>Every error with its code and arguments, so a caller can say it in the reader's language.</summary>
    public static IReadOnlyList<ProfileError> Check(ScoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = new Errors();

        if (string.IsNullOrEmpty(profile.Name) || !NamePattern().IsMatch(profile.Name))
        {
            errors.Add("name", "Name", "name must be 1 to 64 lower-case letters, digits or hyphens, starting with a letter or digit");
        }

        var pillarKeys = ValidatePillars(profile.Pillars, errors);
        ValidateIndicators(profile.Indicators, pillarKeys, errors);
        ValidatePillarContent(profile, errors);
        ValidateSettings(profile, errors);
        return errors.ToList();
    }

    private static HashSet<string> ValidatePillars(IReadOnlyList<PillarDefinition>? pillars, Errors errors)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (pillars is null || pillars.Count == 0)
        {
            errors.Add("pillars", "PillarsRequired", "at least one pillar is required");
            return keys;
        }

        for (var j = 0; j < pillars.Count; j++)
        {
            var path = $"pillars[{j}]";
            if (pillars[j] is not { } pillar)
            {
                errors.Add(path, "PillarRequired", "pillar is required");
                continue;
            }

            if (string.IsNullOrWhiteSpace(pillar.Key))
            {
                errors.Add($"{path}.key", "KeyRequired", "key is required");
            }
            else if (!keys.Add(pillar.Key))
            {
                errors.Add($"{path}.key", "PillarTwice", "pillar '{0}' is defined twice", pillar.Key);
            }

            CheckWeight(pillar.Weight, $"{path}.weight", errors);
        }

        if (pillars.All(p => p is null || !(p.Weight > 0)))
        {
            errors.Add("pillars", "PillarWeightAboveZero", "at least one pillar weight must be above 0");
        }

        return keys;
    }

    private static void ValidateIndicators(IReadOnlyList<IndicatorDefinition>? indicators, HashSet<string> pillarKeys, Errors errors)
    {
        if (indicators is null || indicators.Count == 0)
        {
            errors.Add("indicators", "IndicatorsRequired", "at least one indicator is required");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < indicators.Count; i++)
        {
            var path = $"indicators[{i}]";
            if (indicators[i] is not { } indicator)
            {
                errors.Add(path, "IndicatorRequired", "indicator is required");
                continue;
            }

            if (!IndicatorKeys.IsKnown(indicator.Key))
            {
                errors.Add($"{path}.key", "UnknownIndicator", "unknown indicator '{0}'; known: {1}", indicator.Key, string.Join(", ", IndicatorKeys.All));
            }
            else if (!seen.Add(indicator.Key))
            {
                errors.Add($"{path}.key", "IndicatorTwice", "indicator '{0}' is used twice", indicator.Key);
            }
            else if (indicator.Denominator != IndicatorDenominator.None && !IndicatorCatalog.ByKey[indicator.Key].AllowsDenominator)
            {
                errors.Add($"{path}.denominator", "DenominatorNone", "'{0}' is a yes/no answer, a share or a duration: its denominator must be none", indicator.Key);
            }

            if (!pillarKeys.Contains(indicator.Pillar ?? ""))
            {
                errors.Add($"{path}.pillar", "PillarUndefined", "pillar '{0}' is not defined under pillars", indicator.Pillar);
            }

            CheckWeight(indicator.Weight, $"{path}.weight", errors);
            CheckGoalposts(indicator, path, errors);
        }

        if (indicators.All(d => d is null || !(d.Weight > 0)))
        {
            errors.Add("indicators", "IndicatorWeightAboveZero", "at least one indicator weight must be above 0");
        }
    }

    private static void CheckGoalposts(IndicatorDefinition indicator, string path, Errors errors)
    {
        if (!double.IsFinite(indicator.Floor))
        {
            errors.Add($"{path}.floor", "FloorNumber", "floor must be a number");
        }

        if (!double.IsFinite(indicator.Target))
        {
            errors.Add($"{path}.target", "TargetNumber", "target must be a number");
        }

        if (double.IsFinite(indicator.Floor) && double.IsFinite(indicator.Target))
        {
            if (indicator.Direction == IndicatorDirection.HigherIsBetter && !(indicator.Floor < indicator.Target))
            {
                errors.Add($"{path}.floor", "FloorBelowTarget", "floor must be below target when higher is better");
            }
            else if (indicator.Direction == IndicatorDirection.LowerIsBetter && !(indicator.Floor > indicator.Target))
            {
                errors.Add($"{path}.floor", "FloorAboveTarget", "floor must be above target when lower is better");
            }
        }
    }

    // A pillar with weight but no weighted indicator could never be answered: its weight would silently vanish.
    private static void ValidatePillarContent(ScoringProfile profile, Errors errors)
    {
        // Without any weighted indicator the indicators' own error says it all.
        if (profile.Pillars is null || profile.Indicators is null || !profile.Indicators.Any(d => d is { Weight: > 0 }))
        {
            return;
        }

        for (var j = 0; j < profile.Pillars.Count; j++)
        {
            if (profile.Pillars[j] is { Weight: > 0 } pillar
                && !profile.Indicators.Any(d => d is not null && d.Pillar == pillar.Key && d.Weight > 0))
            {
                errors.Add($"pillars[{j}].weight", "PillarWithoutIndicator", "pillar '{0}' has a weight but no indicator with a weight above 0", pillar.Key);
            }
        }
    }

    /// <summary>Upper limit of robustness draws (memory grows with draws × municipalities).</summary>
    public const int MaxDraws = 10_000;

    private static void CheckWeight(double weight, string path, Errors errors)
    {
        if (!double.IsFinite(weight) || weight < 0)
        {
            errors.Add(path, "Weight", "weight must be a number of at least 0");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
