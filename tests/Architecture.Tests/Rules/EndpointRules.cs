using System.Reflection;
using MediatR;
using Microsoft.AspNetCore.Http;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CoopApi.Architecture.Tests.Rules;

/// <summary>Rules that keep business logic out of the HTTP endpoints.</summary>
internal static class EndpointRules
{
    /// <summary>The handlers of an endpoint group: its public static methods.</summary>
    public static IEnumerable<MethodInfo> Handlers(Type group) =>
        group.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);

    /// <summary>
    /// Handler parameters that are not HTTP input, the mediator, the <see cref="HttpContext"/> or
    /// the cancellation token (so: any other service), and endpoint groups that hold state
    /// (instance fields, or a constructor that takes anything): an endpoint translates HTTP to a
    /// request and back. HTTP input is a primitive, a string, a GUID, an enumeration, an
    /// application request (the body) or a binding type of the web layer itself.
    /// </summary>
    public static IReadOnlyList<string> ServiceOffenders(IEnumerable<Type> groups)
    {
        var offences = new List<string>();
        foreach (var group in groups)
        {
            if (group.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Length > 0
                || group.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Any(c => c.GetParameters().Length > 0))
            {
                offences.Add($"{group.FullName} holds state");
            }

            foreach (var handler in Handlers(group))
            {
                offences.AddRange(handler.GetParameters()
                    .Where(p => !IsAllowedParameter(p.ParameterType, group.Assembly))
                    .Select(p => $"{group.FullName}.{handler.Name} takes {p.ParameterType.Name} {p.Name}"));
            }
        }

        return offences;
    }

    private static bool IsAllowedParameter(Type type, Assembly web)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(IMediator) || t == typeof(HttpContext) || t == typeof(CancellationToken)
               || t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid)
               || (t.Assembly == web && !t.IsInterface && !t.IsAbstract)
               || (t.Assembly == Layers.Application && typeof(IBaseRequest).IsAssignableFrom(t));
    }

    /// <summary>
    /// Reads the IL of every method of each endpoint group (and of the lambdas and async state
    /// machines the compiler nested in it) and reports each use of a domain type other than an
    /// enumeration, and each call to a method declared by a domain type (enumerations included).
    /// </summary>
    public static IReadOnlyList<string> DomainUsageOffenders(IEnumerable<Type> groups, Assembly domain)
    {
        var offences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var module = ModuleDefinition.ReadModule(group.Assembly.Location);
            var type = module.GetType(group.FullName!.Replace('+', '/'))
                       ?? throw new InvalidOperationException($"{group.FullName} not found in {module.FileName}");
            foreach (var nested in WithNested(type))
            {
                Inspect(group, nested, domain, offences);
            }
        }

        return offences.ToList();
    }

    private static void Inspect(Type group, TypeDefinition type, Assembly domain, SortedSet<string> offences)
    {
        var where = group.Name;
        foreach (var field in type.Fields)
        {
            CheckType(field.FieldType, $"{where} field {field.Name}");
        }

        foreach (var method in type.Methods)
        {
            var at = $"{where}.{method.Name}{(type.FullName == group.FullName!.Replace('+', '/') ? "" : $" (in {type.Name})")}";
            CheckType(method.ReturnType, at);
            foreach (var parameter in method.Parameters)
            {
                CheckType(parameter.ParameterType, at);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                CheckType(variable.VariableType, at);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case MethodReference called:
                        if (IsDomain(called.DeclaringType))
                        {
                            offences.Add($"{at} calls {called.DeclaringType.FullName}::{called.Name}");
                        }

                        CheckType(called.DeclaringType, at);
                        CheckType(called.ReturnType, at);
                        foreach (var parameter in called.Parameters)
                        {
                            CheckType(parameter.ParameterType, at);
                        }

                        if (called is GenericInstanceMethod generic)
                        {
                            foreach (var argument in generic.GenericArguments)
                            {
                                CheckType(argument, at);
                            }
                        }

                        break;
                    case FieldReference field:
                        CheckType(field.DeclaringType, at);
                        CheckType(field.FieldType, at);
                        break;
                    case TypeReference referenced:
                        CheckType(referenced, at);
                        break;
                }
            }
        }

        void CheckType(TypeReference reference, string at)
        {
            foreach (var part in Constituents(reference))
            {
                if (IsDomain(part) && !IsEnum(part, domain))
                {
                    offences.Add($"{at} uses {part.FullName}");
                }
            }
        }
    }

    private static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) =>
        new[] { type }.Concat(type.NestedTypes.SelectMany(WithNested));

    /// <summary>The plain types a (possibly generic, array, by-ref…) type reference is made of.</summary>
    private static IEnumerable<TypeReference> Constituents(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var part in Constituents(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Constituents)))
                {
                    yield return part;
                }

                yield break;
            case TypeSpecification specification:
                foreach (var part in Constituents(specification.ElementType))
                {
                    yield return part;
                }

                yield break;
            default:
                yield return type;
                break;
        }
    }

    private static bool IsDomain(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.Namespace == Layers.DomainNamespace
               || type.Namespace.StartsWith(Layers.DomainNamespace + ".", StringComparison.Ordinal);
    }

    private static bool IsEnum(TypeReference type, Assembly domain) =>
        domain.GetType(type.FullName.Replace('/', '+'))?.IsEnum == true;
}
