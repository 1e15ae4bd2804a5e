using Readiness.Data.Decisions;

namespace Readiness.Api.Runs;

/// <summary>
/// Told after a run is published (for overdue measures and webhooks). It must not fail or hold up the run:
/// the executor logs and ignores its exceptions, and it hands slow work to background jobs.
/// </summary>
public interface IRunPublishedListener
{
    void Published(long runId);
}

/// <summary>An open measure past its due date, as the run's changes and the progress view list it.</summary>
/// <param name="Id">The measure's id (GET /api/v1/districts/{key}/measures/{id}).</param>
/// <param name="DistrictKey">Its district.</param>
/// <param name="Title">Its title.</param>
/// <param name="FieldOfAction">Its field of action (Handlungsfeld).</param>
/// <param name="AddresseeKind">municipality, administrative-union, district-office or steering-committee.</param>
/// <param name="AddresseeAgs">The municipality (or a member of the Verwaltungsgemeinschaft) it is addressed to.</param>
/// <param name="ResponsibleRole">Who is responsible.</param>
/// <param name="DueDate">The date it was due.</param>
/// <param name="Consequence">What was agreed if it is missed.</param>
public sealed record OverdueMeasureDto(
    long Id, string DistrictKey, string Title, string FieldOfAction, string AddresseeKind, string? AddresseeAgs, string? ResponsibleRole,
    DateOnly DueDate, string? Consequence);

internal static class OverdueMeasures
{
    public static OverdueMeasureDto ToOverdueDto(this MeasureRecord m) =>
        new(m.Id, m.DistrictKey, m.Title, m.FieldOfAction, m.AddresseeKind, m.AddresseeAgs, m.ResponsibleRole, m.DueDate, m.Consequence);
}
