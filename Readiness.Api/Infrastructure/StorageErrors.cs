using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Readiness.Api.Localization;

namespace Readiness.Api.Infrastructure;

/// <summary>
/// A write that failed because the disk is full (SQLITE_FULL, 13) or failing (SQLITE_IOERR, 10: a full
/// disk under WAL often shows as a write error) is the storage's fault, not the request's: a 503
/// problem saying so, never a 500. SQLite rolled the transaction back, so nothing was half-written.
/// </summary>
internal sealed class StorageErrors(IProblemDetailsService problemDetails, ILogger<StorageErrors> logger) : IExceptionHandler
{
    public const int Full = 13;
    public const int IoError = 10;

    public static SqliteException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqliteException { SqliteErrorCode: Full or IoError } storage)
            {
                return storage;
            }
        }

        return null;
    }

    /// <summary>A run's error for its stage: "storage full" first, so that it reads as the reason.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Find(exception) is { } storage
            ? $"storage full: the disk holding the database is full or failing, nothing of this run is served (SQLite error {storage.SqliteErrorCode}: {storage.Message})"
            : $"{exception.GetType().Name}: {exception.Message}";
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is not { } storage)
        {
            return false;
        }

        logger.LogError(storage, "Storage full or failing: {Message}", storage.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "60";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = Texts.Get("Problem.StorageFull.Title"),
                Detail = Texts.Get("Problem.StorageFull.Detail"),
            },
        });
    }
}
