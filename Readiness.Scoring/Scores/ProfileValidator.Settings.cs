using System.Globalization;

namespace Readiness.Scoring.Scores;

// The profile-wide settings, and the error collector.
public static partial class ProfileValidator
{
    private static void ValidateSettings(ScoringProfile profile, Errors errors)
    {
        if (profile.Normalization is not { } n)
        {
            errors.Add("normalization", "NormalizationRequired", "normalization is required");
        }
        else
        {
            if (!(n.WinsorLower >= 0 && n.WinsorLower < 0.5))
            {
                errors.Add("normalization.winsorLower", "WinsorLower", "winsorLower must be at least 0 and below 0.5");
            }

            if (!(n.WinsorUpper > 0.5 && n.WinsorUpper <= 1))
            {
                errors.Add("normalization.winsorUpper", "WinsorUpper", "winsorUpper must be above 0.5 and at most 1");
            }
        }

        if (!(profile.CoverageFloor > 0 && profile.CoverageFloor <= 1))
        {
            errors.Add("coverageFloor", "CoverageFloor", "coverageFloor must be above 0 and at most 1");
        }

        if (profile.Tiers is not { } t)
        {
            errors.Add("tiers", "TiersRequired", "tiers are required");
        }
        else
        {
            if (!(t.Developing > 0 && t.Developing <= 100))
            {
                errors.Add("tiers.developing", "TierDeveloping", "developing must be above 0 and at most 100");
            }

            if (!(t.Established > t.Developing && t.Established <= 100))
            {
                errors.Add("tiers.established", "TierEstablished", "established must be above developing and at most 100");
            }

            if (!(t.Experienced > t.Established && t.Experienced <= 100))
            {
                errors.Add("tiers.experienced", "TierExperienced", "experienced must be above established and at most 100");
            }
        }

        if (!(profile.MigrantRepresentationThreshold >= 0 && profile.MigrantRepresentationThreshold <= 1))
        {
            errors.Add("migrantRepresentationThreshold", "MigrantThreshold", "migrantRepresentationThreshold is a share: 0 to 1");
        }

        ValidateTierRequirements(profile, errors);
        if (profile.SharedProvision is not { } shared)
        {
            errors.Add("sharedProvision", "SharedProvisionRequired", "sharedProvision is required (leave it out for the defaults)");
        }
        else
        {
            foreach (var (name, weight) in new[] { ("own", shared.Own), ("administrativeUnion", shared.AdministrativeUnion), ("district", shared.District) })
            {
                if (!(weight >= 0 && weight <= 1))
                {
                    errors.Add($"sharedProvision.{name}", "SharedProvisionWeight", "{0} must be a weight from 0 to 1", name);
                }
            }
        }

        if (profile.Robustness is not { } r)
        {
            errors.Add("robustness", "RobustnessRequired", "robustness is required");
        }
        else
        {
            if (r.Draws is < 1 or > MaxDraws)
            {
                errors.Add("robustness.draws", "Draws", "draws must be 1 to {0}", MaxDraws);
            }

            if (!(r.WeightPerturbation >= 0 && r.WeightPerturbation < 1))
            {
                errors.Add("robustness.weightPerturbation", "WeightPerturbation", "weightPerturbation must be at least 0 and below 1 (0.25 = ±25 %)");
            }
        }
    }

    private static void ValidateTierRequirements(ScoringProfile profile, Errors errors)
    {
        if (profile.TierRequirements is not { } requirements)
        {
            errors.Add("tierRequirements", "TierRequirementsList", "tierRequirements must be a list (empty for none; leave it out for the defaults)");
            return;
        }

        var seen = new HashSet<(ReadinessTier, string)>();
        for (var k = 0; k < requirements.Count; k++)
        {
            var path = $"tierRequirements[{k}]";
            if (requirements[k] is not { } requirement)
            {
                errors.Add(path, "RequirementRequired", "requirement is required");
                continue;
            }

            if (requirement.Tier is not (ReadinessTier.Developing or ReadinessTier.Established or ReadinessTier.Experienced))
            {
                errors.Add($"{path}.tier", "RequirementTier", "tier must be developing, established or experienced");
            }

            if (!TierRequirement.Keys.Contains(requirement.Key))
            {
                errors.Add($"{path}.key", "UnknownRequirement", "unknown requirement '{0}'; known: {1}", requirement.Key, string.Join(", ", TierRequirement.Keys));
            }
            else if (!seen.Add((requirement.Tier, requirement.Key)))
            {
                errors.Add($"{path}.key", "RequirementTwice", "'{0}' is required twice for the same tier", requirement.Key);
            }

            if (requirement.Minimum is { } minimum
                && (requirement.Key != IndicatorKeys.PaidStaffFte || !(minimum >= 0 && minimum <= 1000)))
            {
                if (requirement.Key == IndicatorKeys.PaidStaffFte)
                {
                    errors.Add($"{path}.minimum", "MinimumFte", "minimum must be 0 to 1000 FTE");
                }
                else
                {
                    errors.Add($"{path}.minimum", "MinimumYesNo", "minimum applies to paidStaffFte only: a yes/no answer needs yes");
                }
            }
        }
    }

    private sealed class Errors
    {
        private readonly List<ProfileError> all = [];

        public void Add(string path, string code, string english, params object?[] arguments) =>
            all.Add(new ProfileError(path, code, string.Format(CultureInfo.InvariantCulture, english, arguments), arguments));

        public List<ProfileError> ToList() => all;
    }
}
