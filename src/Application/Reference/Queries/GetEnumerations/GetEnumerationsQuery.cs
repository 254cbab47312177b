using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.AnnualReports;
using CoopApi.Domain.Classifications;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.DevelopmentTargets;
using CoopApi.Domain.OcopProducts;
using CoopApi.Domain.Partnerships;
using CoopApi.Domain.SteeringCommittees;
using MediatR;

namespace CoopApi.Application.Reference.Queries.GetEnumerations;

/// <summary>Every enumeration the API uses, keyed by name, each value with Vietnamese and English labels.</summary>
public sealed record GetEnumerationsQuery : IQuery<IReadOnlyDictionary<string, IReadOnlyList<EnumValueDto>>>;

/// <summary>Handles <see cref="GetEnumerationsQuery"/>. The answer never changes while the process runs.</summary>
public sealed class GetEnumerationsQueryHandler : IRequestHandler<GetEnumerationsQuery, IReadOnlyDictionary<string, IReadOnlyList<EnumValueDto>>>
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<EnumValueDto>> All = new Dictionary<string, IReadOnlyList<EnumValueDto>>
    {
        ["organizationKind"] = Describe<OrganizationKind>(),
        ["sector"] = Describe<Sector>(),
        ["organizationStatus"] = Describe<OrganizationStatus>(),
        ["provinceKind"] = Describe<ProvinceKind>(),
        ["communeKind"] = Describe<CommuneKind>(),
        ["mergePart"] = Describe<MergePart>(),
        ["changeOperation"] = Describe<ChangeKind>(),
        ["sizeClass"] = Describe<SizeClass>(),
        ["ocopCertifier"] = Describe<OcopCertifier>(),
        ["ocopProductStatus"] = Describe<OcopProductStatus>(),
        ["rating"] = Describe<Rating>(),
        ["notRatedReason"] = Describe<NotRatedReason>(),
        ["classificationGrouping"] = Describe<Classifications.Queries.GetClassificationDistribution.ClassificationGrouping>(),
        ["committeeLevel"] = Describe<CommitteeLevel>(),
        ["committeeStatus"] = Describe<CommitteeStatus>(),
        ["committeeRole"] = Describe<CommitteeRole>(),
        ["activityKind"] = Describe<ActivityKind>(),
        ["partyKind"] = Describe<PartyKind>(),
        ["agreementStatus"] = Describe<AgreementStatus>(),
        ["targetKind"] = Describe<TargetKind>(),
        ["registerMeasure"] = Describe<RegisterMeasure>(),
        ["reviewKind"] = Describe<ReviewKind>(),
        ["progressState"] = Describe<ProgressState>(),
        ["targetMetric"] = Describe<TargetMetric>(),
        ["targetComparison"] = Describe<TargetComparison>(),
        ["targetState"] = Describe<TargetState>(),
        ["sectorGroup"] = Describe<Domain.Statistics.SectorGroup>(),
        ["areaLevel"] = Describe<Domain.Statistics.AreaLevel>(),
        ["totalCountKind"] = Describe<Cooperatives.Queries.ListCooperatives.TotalCountKind>(),
    };

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<EnumValueDto>>> Handle(GetEnumerationsQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(All);

    private static List<EnumValueDto> Describe<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v =>
        {
            var label = EnumLabels.Of(v);
            return new EnumValueDto { Value = EnumLabels.ApiName(v), Vi = label.Vietnamese, En = label.English };
        }).ToList();
}
