using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Readiness.Api.Auth;
using Readiness.Api.Infrastructure;
using Readiness.Api.Localization;
using Readiness.Data.Idempotency;

namespace Readiness.Api.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header (IETF httpapi draft) on writes a client may retry: the same
/// key with the same request answers the first answer again and writes nothing; the same key with another
/// request is a 422 problem. Only successful answers are recorded (in the write's own transaction), so a
/// request that failed may be corrected and sent again with its key... as long as it is the same request.
/// </summary>
internal sealed class IdempotencyKeys(IdempotencyStore store, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>What the header asks for: nothing (no header), a refusal, a replay, or a write to record.</summary>
    public IdempotencyCheck Check(HttpRequest request, Caller caller, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var values = request.Headers[Header];
        if (values.Count == 0)
        {
            return IdempotencyCheck.None;
        }

        var key = values.Count == 1 ? values[0] : null;
        if (key is null || key.Length is 0 or > MaxLength || !key.All(c => c is >= '!' and <= '~'))
        {
            return new IdempotencyCheck(null, TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [Header] = [Texts.Format("Problem.Idempotency.Format", MaxLength, Header)],
            }), null, null);
        }

        var operation = $"{request.Method} {request.Path}";
        var hash = Hash(request, body);
        if (store.Find(caller.KeyId, key) is { } previous)
        {
            return Answer(previous, operation, hash);
        }

        return new IdempotencyCheck(new IdempotentWrite(caller.KeyId, key, operation, hash, clock), null, null, null);
    }

    /// <summary>After a write lost the race for its key to a concurrent request with the same key: that request's answer.</summary>
    public IdempotencyCheck AfterRace(IdempotentWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return store.Find(write.ApiKeyId, write.Key) is { } previous ? Answer(previous, write.Operation, write.RequestHash)
            : throw new InvalidOperationException("The idempotency key was taken but is not recorded.");
    }

    private static IdempotencyCheck Answer(IdempotencyRecord previous, string operation, string hash) =>
        previous.RequestHash == hash && previous.Operation == operation
            ? new IdempotencyCheck(null, null, null, previous)
            : new IdempotencyCheck(null, null, TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: Texts.Get("Problem.Idempotency.Title"),
                detail: Texts.Format("Problem.Idempotency.Detail", previous.Operation, previous.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture))), null);

    private static string Hash(HttpRequest request, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n{request.ContentType}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>
/// The outcome of looking at the header: <see cref="Write"/> to record after writing (null without a
/// header), or an answer instead of writing: <see cref="Invalid"/> (400), <see cref="Mismatch"/> (422),
/// or <see cref="Replay"/> (the first answer).
/// </summary>
internal sealed record IdempotencyCheck(IdempotentWrite? Write, ValidationProblem? Invalid, ProblemHttpResult? Mismatch, IdempotencyRecord? Replay)
{
    public static readonly IdempotencyCheck None = new(null, null, null, null);

    /// <summary>The first answer's body as the DTO it was made from.</summary>
    public T ReplayBody<T>() => JsonSerializer.Deserialize<T>(Replay?.Body ?? throw new InvalidOperationException("Not a replay."), ApiJson.Options)!;
}

/// <summary>A write sent with a new key: record its answer inside the write's transaction.</summary>
internal sealed record IdempotentWrite(long ApiKeyId, string Key, string Operation, string RequestHash, TimeProvider Clock)
{
    public void Record(DbConnection connection, IDbTransaction transaction, int status, string? location, object body) =>
        IdempotencyStore.Record(connection, transaction, new IdempotencyRecord(
            ApiKeyId, Key, Operation, RequestHash, status, location, JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ApiJson.Options), Clock.GetUtcNow()));
}
