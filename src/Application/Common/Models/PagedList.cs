using CoopApi.Application.Common.Contract;

namespace CoopApi.Application.Common.Models;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">Item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Maximum items per page.</param>
/// <param name="TotalCount">Items matching the filters across all pages.</param>
[PublicName("Page")]
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
