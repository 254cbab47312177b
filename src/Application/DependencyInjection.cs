using System.Reflection;
using CoopApi.Application.Common.Behaviours;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.Application;

/// <summary>Registers the application layer: MediatR, its pipeline, handlers and validators.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1.0 has no DI package on this feed, so the mediator, handlers and behaviours are
    /// registered here by scanning this assembly once, at start-up. Behaviours run in registration
    /// order: unhandled-exception logging → validation → transaction → handler.
    /// </summary>
    /// <remarks>
    /// A request pays only for what it uses (CQRS: queries and commands do not share plumbing):
    /// <list type="bullet">
    /// <item>query handlers are singletons: they hold nothing but read models, which are singletons;</item>
    /// <item>validators are singletons unless they take a per-request port (they read the
    /// database, or ask who the caller is): those are scoped;</item>
    /// <item>the validation behaviour is registered only for requests that have a validator, and
    /// is a singleton when all their validators are;</item>
    /// <item>the transaction behaviour is registered only for commands, so a query never resolves
    /// it, the transaction runner or the <c>DbContext</c>.</item>
    /// </list>
    /// </remarks>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = Assembly.GetExecutingAssembly();
        // GetService, not GetRequiredService: MediatR probes for optional services and expects null.
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddSingleton<ApiKeys.Queries.AuthenticateApiKey.ApiKeyValidationCache>();

        var types = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }).ToArray();
        var requests = new List<(Type Request, Type Response)>();
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType
                         && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                var arguments = contract.GetGenericArguments();
                requests.Add((arguments[0], arguments[1]));
                services.Add(new ServiceDescriptor(contract, type, IsQuery(arguments[0]) ? ServiceLifetime.Singleton : ServiceLifetime.Scoped));
            }
        }

        var validators = new Dictionary<Type, List<ServiceLifetime>>();
        foreach (var type in types.Where(t => t.IsVisible))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType
                         && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                var lifetime = type.GetConstructors().Any(c => c.GetParameters().Any(p => ScopedPorts.Contains(p.ParameterType)))
                    ? ServiceLifetime.Scoped
                    : ServiceLifetime.Singleton;
                services.Add(new ServiceDescriptor(contract, type, lifetime));
                var request = contract.GetGenericArguments()[0];
                if (!validators.TryGetValue(request, out var lifetimes))
                {
                    validators[request] = lifetimes = [];
                }

                lifetimes.Add(lifetime);
            }
        }

        // One representation per aggregate type: what the write path stores with its events.
        foreach (var type in types.Where(t => t.IsVisible && typeof(IResourceRepresentation).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IResourceRepresentation), type);
        }

        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        foreach (var (request, response) in requests)
        {
            if (validators.TryGetValue(request, out var lifetimes))
            {
                services.Add(new ServiceDescriptor(
                    typeof(IPipelineBehavior<,>).MakeGenericType(request, response),
                    typeof(ValidationBehaviour<,>).MakeGenericType(request, response),
                    lifetimes.All(l => l == ServiceLifetime.Singleton) ? ServiceLifetime.Singleton : ServiceLifetime.Scoped));
            }
        }

        foreach (var (request, response) in requests.Where(r => IsCommand(r.Request)))
        {
            services.AddScoped(
                typeof(IPipelineBehavior<,>).MakeGenericType(request, response),
                typeof(TransactionBehaviour<,>).MakeGenericType(request, response));
        }

        return services;
    }

    /// <summary>
    /// The application's ports that live per request (a unit of work, the caller). A validator
    /// that takes one is scoped; every other dependency of a validator (the calendar, the
    /// administrative map) is a process-wide singleton, so such a validator is built once.
    /// </summary>
    private static readonly Type[] ScopedPorts = [typeof(IApplicationDbContext), typeof(ICurrentUser), typeof(ITransactionRunner)];

    private static bool IsQuery(Type request) => request.GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>));

    private static bool IsCommand(Type request) => request.GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
}
