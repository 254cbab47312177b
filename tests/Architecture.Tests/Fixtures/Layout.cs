using CoopApi.Application.Common.Messaging;

namespace CoopApi.Architecture.Tests.Layout.Queries.FindWidget;

/// <summary>A request placed as the feature-folder layout wants it.</summary>
public sealed record FindWidgetQuery : IQuery<int>;
