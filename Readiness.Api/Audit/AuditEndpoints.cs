using System.Text.Json;
using Readiness.Api.Auth;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;

namespace Readiness.Api.Audit;

/// <summary>One recorded write.</summary>
/// <param name="Id">Entry id; higher is later.</param>
/// <param name="At">When (UTC).</param>
/// <param name="KeyName">The API key's name, or "command line (user)" for the keys command.</param>
/// <param name="Role">The key's role at the time: reader, planner, admin, or operator for the command line.</param>
/// <param name="Action">What was done: assessment.create, assessment.import, key.create, key.revoke, profile.update, run.start.</param>
/// <param name="Target">What it was done to: an AGS, an import batch id, a profile name, a key name.</param>
/// <param name="Changes">What changed, e.g. the new assessment's id and answers, or an import's counts.</param>
public sealed record AuditEntryDto(long Id, DateTimeOffset At, string KeyName, string Role, string Action, string? Target, JsonElement? Changes);

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/audit", ListAudit)
            .RequireRole(Role.Admin)
            .WithTags("Audit")
            .WithName("ListAudit")
            .WithSummary("List the audit log")
            .WithDescription("Every write with the key that made it, newest first. Filter by `action`, `since`, `keyName` and `target`.");
        return routes;
    }

    /// <summary>Lists the audit log.</summary>
    internal static Results<Ok<Paged<AuditEntryDto>>, ValidationProblem> ListAudit(
        [Description("Only this action, e.g. assessment.import.")] string? action,
        [Description("Only entries at or after this time (ISO 8601), e.g. 2025-06-01 or 2025-06-01T08:00:00Z.")] DateTimeOffset? since,
        [Description("Only entries made with the key of this name.")] string? keyName,
        [Description("Only entries about this target: an AGS, a batch id, a profile or key name.")] string? target,
        [Description("Page number, from 1. Default 1.")] int? page,
        [Description("Items per page, 1..500. Default 50.")] int? pageSize,
        AuditQueries audit)
    {
        var errors = new Dictionary<string, string[]>();
        var (pageNumber, size) = Paging.Validate(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var (items, total) = audit.List(new AuditFilter(action, since, keyName, target), pageNumber, size);
        return TypedResults.Ok(new Paged<AuditEntryDto>([.. items.Select(ToDto)], pageNumber, size, total));
    }

    private static AuditEntryDto ToDto(AuditRecord r)
    {
        JsonElement? changes = null;
        if (r.Changes is not null)
        {
            using var document = JsonDocument.Parse(r.Changes);
            changes = document.RootElement.Clone();
        }

        return new AuditEntryDto(r.Id, r.At, r.KeyName, r.Role, r.Action, r.Target, changes);
    }
}
