using System.Reflection;
using MediatR;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CoopApi.Architecture.Tests.Rules;

/// <summary>Rules that keep business logic out of the HTTP endpoints.</summary>
internal static class ControllerRules
{
    /// <summary>Controllers without exactly one constructor taking exactly one <see cref="IMediator"/>.</summary>
    public static IReadOnlyList<string> ConstructorOffenders(IEnumerable<Type> controllers) => controllers
        .Where(c => !c.IsAbstract)
        .Where(c =>
        {
            var constructors = c.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
            return constructors.Length != 1
                   || constructors[0].GetParameters() is not [{ } only]
                   || only.ParameterType != typeof(IMediator);
        })
        .Select(c =>
        {
            var signatures = c.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Select(ctor => $"({string.Join(", ", ctor.GetParameters().Select(p => p.ParameterType.Name))})");
            return $"{c.FullName} {string.Join(" ", signatures)}";
        })
        .ToList();

    /// <summary>
    /// Reads the IL of every method of each controller (and of the lambdas and async state
    /// machines the compiler nested in it) and reports each use of a domain type other than an
    /// enumeration, and each call to a method declared by a domain type (enumerations included).
    /// </summary>
    public static IReadOnlyList<string> DomainUsageOffenders(IEnumerable<Type> controllers, Assembly domain)
    {
        var offences = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var controller in controllers)
        {
            var module = ModuleDefinition.ReadModule(controller.Assembly.Location);
            var type = module.GetType(controller.FullName!.Replace('+', '/'))
                       ?? throw new InvalidOperationException($"{controller.FullName} not found in {module.FileName}");
            foreach (var nested in WithNested(type))
            {
                Inspect(controller, nested, domain, offences);
            }
        }

        return offences.ToList();
    }

    private static void Inspect(Type controller, TypeDefinition type, Assembly domain, SortedSet<string> offences)
    {
        var where = controller.Name;
        foreach (var field in type.Fields)
        {
            CheckType(field.FieldType, $"{where} field {field.Name}");
        }

        foreach (var method in type.Methods)
        {
            var at = $"{where}.{method.Name}{(type.FullName == controller.FullName!.Replace('+', '/') ? "" : $" (in {type.Name})")}";
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
