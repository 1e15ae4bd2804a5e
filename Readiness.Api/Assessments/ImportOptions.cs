using System.ComponentModel.DataAnnotations;

namespace Readiness.Api.Assessments;

/// <summary>The <c>Readiness:Import</c> configuration section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Readiness:Import";

    /// <summary>The largest import body in bytes; larger ones get 413. Default 20 MiB, about 200,000 CSV rows.</summary>
    [Range(1_024, 1_073_741_824)]
    public long MaxBodyBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most rows one import may have; Germany has fewer than 11,000 municipalities.</summary>
    [Range(1, 10_000_000)]
    public int MaxRows { get; set; } = 250_000;
}

/// <summary>The reference dates' calendar: a survey date is a German date.</summary>
internal static class SurveyCalendar
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Berlin).DateTime);
}
