using System.ComponentModel.DataAnnotations;
using Cronos;

namespace Readiness.Api.Jobs;

/// <summary>The <c>Readiness:Jobs</c> section: where jobs are stored, where they run, and when.</summary>
public sealed class JobOptions : IValidatableObject
{
    public const string Section = "Readiness:Jobs";

    /// <summary><c>sqlite</c> (a file of its own under the data folder; on PostgreSQL the jobs are kept in the database itself, schema <c>hangfire</c>) or <c>memory</c> (tests, throwaway instances).</summary>
    [Required]
    [RegularExpression("^(sqlite|memory)$", ErrorMessage = "Readiness:Jobs:Storage must be 'sqlite' or 'memory'.")]
    public string Storage { get; set; } = "sqlite";

    /// <summary><c>api</c> (HTTP, and the job server unless <see cref="RunServer"/> is off) or <c>worker</c> (the job server only, no HTTP; also <c>--worker</c>).</summary>
    [Required]
    [RegularExpression("^(api|worker)$", ErrorMessage = "Readiness:Jobs:Mode must be 'api' or 'worker'.")]
    public string Mode { get; set; } = "api";

    /// <summary>Run the job server in the API process. Off when a separate worker (<c>--worker</c>) runs the jobs.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Let requests from this machine (loopback) open the dashboard without a key. Off by default:
    /// behind a reverse proxy on the same machine every request looks local.
    /// </summary>
    public bool DashboardLocalAccess { get; set; }

    /// <summary>How often the SQLite job storage looks for new jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cron expression of the nightly run (five fields), in <see cref="TimeZone"/>.</summary>
    [Required]
    public string NightlyCron { get; set; } = "0 2 * * *";

    /// <summary>IANA time zone of the schedules.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>Cron expression of the clean-up of old runs.</summary>
    [Required]
    public string CleanupCron { get; set; } = "30 3 * * *";

    /// <summary>How many runs to keep; older ones are removed by the clean-up job. The current run is always kept.</summary>
    [Range(1, 100_000)]
    public int KeepRuns { get; set; } = 90;

    /// <summary>Start a run when the service starts and no run has been published yet.</summary>
    public bool RunOnFirstStart { get; set; } = true;

    /// <summary>A running run whose heartbeat is older than this is considered interrupted.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "06:00:00")]
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    public TimeZoneInfo ResolveTimeZone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(NightlyCron), NightlyCron), (nameof(CleanupCron), CleanupCron) })
        {
            if (!CronExpression.TryParse(value, CronFormat.Standard, out _))
            {
                yield return new ValidationResult($"Readiness:Jobs:{name} '{value}' is not a cron expression with five fields, e.g. '0 2 * * *'.", [name]);
            }
        }

        if (Storage == "memory" && (Mode == "worker" || !RunServer))
        {
            yield return new ValidationResult(
                "Readiness:Jobs:Storage 'memory' lives in one process: a worker, or an API without a job server (RunServer=false), needs 'sqlite'.", [nameof(Storage)]);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Readiness:Jobs:TimeZone '{TimeZone}' is not a known time zone, e.g. 'Europe/Berlin'.", [nameof(TimeZone)]);
        }
    }
}
