using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Runs;
using Readiness.Scoring.SharedServices;

namespace Readiness.Api.Runs;

/// <summary>Which municipalities are clustered into peer groups: all of Germany by default, or one state (<c>Readiness:PeerGroups:State</c>).</summary>
public sealed class PeerGroupScopeOptions
{
    [System.ComponentModel.DataAnnotations.RegularExpression("^[0-9]{2}$", ErrorMessage = "Readiness:PeerGroups:State must be a two-digit state key, e.g. 09.")]
    public string? State { get; set; }
}

internal static class RunStageOptions
{
    public const string PeerGroupsSection = "Readiness:PeerGroups";
    public const string PairingSection = "Readiness:Pairing";
    public const string SharedServicesSection = "Readiness:SharedServices";

    /// <summary>Binds and validates the options of every stage at start: a bad k range or distance stops the start with its name.</summary>
    public static IServiceCollection AddRunStageOptions(this IServiceCollection services)
    {
        services.AddOptions<PeerGroupOptions>().BindConfiguration(PeerGroupsSection).ValidateDataAnnotations()
            .Validate(o => o.MinK >= 2 && o.MaxK >= o.MinK && (o.FixedK is null || (o.FixedK >= o.MinK && o.FixedK <= o.MaxK)) && o.Initialisations >= 1 && o.SilhouetteSampleSize >= 0,
                "Readiness:PeerGroups needs 2 ≤ MinK ≤ MaxK, FixedK within that range, Initialisations ≥ 1 and SilhouetteSampleSize ≥ 0.")
            .ValidateOnStart();
        services.AddOptions<PeerGroupScopeOptions>().BindConfiguration(PeerGroupsSection).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PairingOptions>().BindConfiguration(PairingSection).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SharedServiceOptions>().BindConfiguration(SharedServicesSection).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static RunParameters Parameters(IServiceProvider services)
    {
        T Value<T>() where T : class => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<T>>().Value;
        return new RunParameters(Value<PeerGroupOptions>(), Value<PeerGroupScopeOptions>().State, Value<PairingOptions>(), Value<SharedServiceOptions>());
    }
}
