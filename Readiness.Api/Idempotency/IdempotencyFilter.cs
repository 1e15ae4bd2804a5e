using System.Text.Json;
using Microsoft.Data.Sqlite;
using Readiness.Api.Auth;
using Readiness.Data.Idempotency;

namespace Readiness.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> for a write whose JSON body is bound to <typeparamref name="TBody"/>: a replay or a 422 is answered
/// here, before the handler; otherwise the handler finds the <see cref="IdempotentWrite"/> with
/// <see cref="IdempotencyFilters.IdempotentWrite"/> and records its answer inside its own transaction.
/// </summary>
/// <remarks>
/// The body is bound before filters run, so "the same body" is the bound request serialised again: the same JSON values,
/// whatever the whitespace or the order of properties.
/// </remarks>
internal sealed class IdempotencyFilter<TBody>(IdempotencyKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.ContainsKey(IdempotencyKeys.Header))
        {
            return await next(context);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(context.Arguments.OfType<TBody>().FirstOrDefault(), ApiJson.Options);
        var check = keys.Check(http.Request, Caller.From(http.User), body);
        if (check.Write is not { } write)
        {
            return Answer(check, http);
        }

        http.Features.Set(write);
        try
        {
            return await next(context);
        }
        catch (SqliteException exception) when (IdempotencyStore.IsTaken(exception))
        {
            // A concurrent request with the same key wrote first; this one's write was rolled back.
            return Answer(keys.AfterRace(write), http);
        }
    }

    private static IResult Answer(IdempotencyCheck check, HttpContext http)
    {
        if (check.Replay is not { } replay)
        {
            return (IResult?)check.Invalid ?? check.Mismatch!;
        }

        if (replay.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }

        return new JsonBytesResult(replay.Body, replay.Status);
    }
}

internal static class IdempotencyFilters
{
    /// <summary>The endpoint honours <c>Idempotency-Key</c> for its <typeparamref name="TBody"/> body; documented in the OpenAPI document.</summary>
    public static RouteHandlerBuilder IdempotentWith<TBody>(this RouteHandlerBuilder builder) =>
        builder.AcceptsIdempotencyKey().AddEndpointFilter<IdempotencyFilter<TBody>>();

    /// <summary>The write to record with the answer, when the request carried a new <c>Idempotency-Key</c>.</summary>
    public static IdempotentWrite? IdempotentWrite(this HttpContext context) => context.Features.Get<IdempotentWrite>();
}
