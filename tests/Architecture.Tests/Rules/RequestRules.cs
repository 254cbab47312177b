using CoopApi.Application.Common.Messaging;
using FluentValidation;
using MediatR;

namespace CoopApi.Architecture.Tests.Rules;

/// <summary>Conventions of the MediatR requests, their handlers and their validators.</summary>
internal static class RequestRules
{
    public static bool IsRequest(Type type) =>
        !type.IsInterface && Implements(type, typeof(IRequest<>));

    /// <summary>
    /// Requests that are not a sealed class or record named <c>…Command</c> or <c>…Query</c>, or
    /// whose name disagrees with the interface (<see cref="ICommand{TResponse}"/>,
    /// <see cref="IQuery{TResponse}"/>) they implement.
    /// </summary>
    public static IReadOnlyList<string> RequestOffenders(IEnumerable<Type> types)
    {
        var offences = new List<string>();
        foreach (var request in types.Where(IsRequest))
        {
            var name = request.FullName;
            var isCommand = Implements(request, typeof(ICommand<>));
            var isQuery = Implements(request, typeof(IQuery<>));
            if (!request.IsClass || !request.IsSealed)
            {
                offences.Add($"{name} is not a sealed class or record");
            }

            if (request.Name.EndsWith("Command", StringComparison.Ordinal))
            {
                if (!isCommand || isQuery)
                {
                    offences.Add($"{name} is named a command but does not implement only ICommand<>");
                }
            }
            else if (request.Name.EndsWith("Query", StringComparison.Ordinal))
            {
                if (!isQuery || isCommand)
                {
                    offences.Add($"{name} is named a query but does not implement only IQuery<>");
                }
            }
            else
            {
                offences.Add($"{name} is named neither …Command nor …Query");
            }
        }

        return offences;
    }

    /// <summary>Request handlers whose name does not end with Handler or Handlers.</summary>
    public static IReadOnlyList<string> HandlerOffenders(IEnumerable<Type> types) => types
        .Where(t => t is { IsClass: true, IsAbstract: false } && Implements(t, typeof(IRequestHandler<,>)))
        .Where(t => !t.Name.EndsWith("Handler", StringComparison.Ordinal) && !t.Name.EndsWith("Handlers", StringComparison.Ordinal))
        .Select(t => t.FullName!)
        .ToList();

    /// <summary>Validators that live in another namespace than the request they validate.</summary>
    public static IReadOnlyList<string> ValidatorOffenders(IEnumerable<Type> types) => types
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => t.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => (Validator: t, Validated: i.GetGenericArguments()[0])))
        .Where(p => !p.Validated.IsGenericParameter && p.Validator.Namespace != p.Validated.Namespace)
        .Select(p => $"{p.Validator.FullName} validates {p.Validated.FullName}")
        .ToList();

    /// <summary>
    /// Requests outside the one feature-folder layout: <c>{root}.{Feature}.Commands.{UseCase}</c>
    /// for <c>{UseCase}Command</c> and <c>{root}.{Feature}.Queries.{UseCase}</c> for
    /// <c>{UseCase}Query</c> (the folder of the same name holds the request, its validator and its
    /// handler).
    /// </summary>
    public static IReadOnlyList<string> LayoutOffenders(IEnumerable<Type> types, string rootNamespace) => types
        .Where(IsRequest)
        .Where(t => t.Name.EndsWith("Command", StringComparison.Ordinal) || t.Name.EndsWith("Query", StringComparison.Ordinal))
        .Where(t =>
        {
            var isCommand = t.Name.EndsWith("Command", StringComparison.Ordinal);
            var useCase = t.Name[..^(isCommand ? "Command".Length : "Query".Length)];
            var parts = (t.Namespace ?? "").Split('.');
            var root = rootNamespace.Split('.');
            return parts.Length != root.Length + 3
                || !parts.Take(root.Length).SequenceEqual(root)
                || parts[^2] != (isCommand ? "Commands" : "Queries")
                || parts[^1] != useCase;
        })
        .Select(t => $"{t.FullName} (expected namespace {rootNamespace}.<Feature>.{(t.Name.EndsWith("Command", StringComparison.Ordinal) ? "Commands" : "Queries")}.{t.Name[..^(t.Name.EndsWith("Command", StringComparison.Ordinal) ? 7 : 5)]})")
        .ToList();

    public static bool Implements(Type type, Type openInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);
}
