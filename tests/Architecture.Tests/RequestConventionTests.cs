using CoopApi.Architecture.Tests.Rules;

namespace CoopApi.Architecture.Tests;

public class RequestConventionTests
{
    private static readonly Type[] ApplicationTypes = Layers.Application.GetTypes();

    [Fact]
    public void Requests_AreFound()
    {
        Assert.True(ApplicationTypes.Count(RequestRules.IsRequest) >= 10);
    }

    [Fact]
    public void Requests_AreSealedAndNamedCommandOrQueryAfterTheirInterface()
    {
        Rule.Holds(RequestRules.RequestOffenders(ApplicationTypes),
            "Every request must be a sealed class or record named …Command (implementing ICommand<>) or …Query (implementing IQuery<>)");
    }

    [Fact]
    public void Requests_LiveInTheirFeaturesUseCaseFolder()
    {
        Rule.Holds(RequestRules.LayoutOffenders(ApplicationTypes, "CoopApi.Application"),
            "Every request lives in <Feature>/Commands/<UseCase>/ or <Feature>/Queries/<UseCase>/, named <UseCase>Command or <UseCase>Query");
    }

    [Fact]
    public void Handlers_AreNamedHandler()
    {
        Rule.Holds(RequestRules.HandlerOffenders(ApplicationTypes), "Every request handler's name must end with Handler or Handlers");
    }

    [Fact]
    public void Validators_LiveBesideTheirRequest()
    {
        Rule.Holds(RequestRules.ValidatorOffenders(ApplicationTypes),
            "Every validator must be in the same namespace as the request it validates");
    }

    [Fact]
    public void Validators_AreFound()
    {
        var validators = ApplicationTypes.Where(t => !t.IsAbstract
            && RequestRules.Implements(t, typeof(FluentValidation.IValidator<>))).ToList();

        Assert.True(validators.Count >= 4, string.Join(", ", validators.Select(v => v.Name)));
    }
}
