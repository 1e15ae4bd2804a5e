using Readiness.Api.Localization;

namespace Readiness.Api.Infrastructure;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">The page size asked for (1..500).</param>
/// <param name="Total">How many items match the filters, over all pages.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>The paging parameters of a list, for handlers that take them as one.</summary>
public sealed record PageQuery
{
    [Description("Page number, from 1. Default 1.")]
    public int? Page { get; init; }

    [Description("Items per page, 1..500. Default 50.")]
    public int? PageSize { get; init; }
}

/// <summary>Paging rules shared by every list: <c>page</c> from 1, <c>pageSize</c> 1..500 (default 50).</summary>
internal static class Paging
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;

    public static (int Page, int PageSize) Validate(int? page, int? pageSize, Dictionary<string, string[]> errors)
    {
        if (page is < 1)
        {
            errors["page"] = [Texts.Get("Problem.Page")];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [Texts.Format("Problem.PageSize", MaxPageSize)];
        }

        return (page ?? 1, pageSize ?? DefaultPageSize);
    }
}
