namespace Readiness.Api.Infrastructure;

/// <summary>
/// Writes stored UTF-8 JSON as it is: a published run's answers are serialised once, when the run is written; an
/// idempotent write's first answer is replayed with its status.
/// </summary>
internal sealed class JsonBytesResult(byte[] utf8, int status = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => status;

    public string ContentType => "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = utf8.Length;
        return httpContext.Response.Body.WriteAsync(utf8).AsTask();
    }
}
