namespace Readiness.Api.Runs;

/// <summary>The <c>?run=</c> every result endpoint accepts; <see cref="ServedRunFilter"/> reads it.</summary>
public sealed record RunQuery
{
    /// <summary>Read an earlier published run instead of the current one.</summary>
    [Description("Read this earlier published run instead of the current one (see GET /api/v1/runs).")]
    public long? Run { get; init; }
}
