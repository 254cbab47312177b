using CoopApi.Domain.Common;

namespace CoopApi.Domain.Partnerships;

/// <summary>A body that is party to a programme.</summary>
/// <param name="Name">Its name as written in the programme.</param>
/// <param name="Kind">Its kind.</param>
public sealed record Party(string Name, PartyKind Kind);

/// <summary>A person who signed a programme for one of its parties.</summary>
/// <param name="FullName">Who.</param>
/// <param name="Title">Their title (position).</param>
/// <param name="Party">Name of the party they signed for: one of the programme's parties.</param>
public sealed record Signatory(string FullName, string? Title, string Party);

/// <summary>A policy document the programme implements.</summary>
/// <param name="Number">Number and symbol, e.g. <c>20-NQ/TW</c>.</param>
/// <param name="IssuedOn">Date of the document, when known.</param>
/// <param name="Title">What it is, when given.</param>
public sealed record PolicyReference(string Number, DateOnly? IssuedOn, string? Title);

/// <summary>One field changed by an amendment: its value before and after, as JSON text.</summary>
/// <param name="Field">The field (camelCase, as in the API).</param>
/// <param name="Before">Value before (JSON).</param>
/// <param name="After">Value after (JSON).</param>
public sealed record AmendedField(string Field, string Before, string After);

/// <summary>An amendment of an active programme (văn bản sửa đổi, bổ sung), kept for ever.</summary>
/// <param name="AmendedOn">Date of the amending document.</param>
/// <param name="Reference">Its number, when any.</param>
/// <param name="Reason">Why.</param>
/// <param name="Changes">What it changed.</param>
/// <param name="RecordedAt">When it was recorded (UTC).</param>
public sealed record Amendment(DateOnly AmendedOn, string? Reference, string? Reason, IReadOnlyList<AmendedField> Changes, DateTimeOffset RecordedAt);

/// <summary>What an amendment says of itself (the changes are the difference of the fields).</summary>
/// <param name="AmendedOn">Date of the amending document.</param>
/// <param name="Reference">Its number, when any.</param>
/// <param name="Reason">Why.</param>
public sealed record AmendmentNote(DateOnly AmendedOn, string? Reference, string? Reason);

/// <summary>The terms of a programme, as a client sends them to create or replace a draft.</summary>
/// <param name="Title">Title.</param>
/// <param name="Reference">Document number, if any.</param>
/// <param name="Parties">At least two parties.</param>
/// <param name="Signatories">Who signed, for which party.</param>
/// <param name="SignedOn">Signing date.</param>
/// <param name="PeriodStartYear">First year of the period.</param>
/// <param name="PeriodEndYear">Last year of the period.</param>
/// <param name="ProvinceCode">Province the programme belongs to.</param>
/// <param name="PolicyReferences">Policy documents implemented.</param>
/// <param name="ContentAreas">Content areas (nội dung phối hợp), in order.</param>
public sealed record AgreementTerms(
    string Title,
    string? Reference,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<Signatory> Signatories,
    DateOnly SignedOn,
    int PeriodStartYear,
    int PeriodEndYear,
    string ProvinceCode,
    IReadOnlyList<PolicyReference> PolicyReferences,
    IReadOnlyList<string> ContentAreas);

/// <summary>A measurable commitment of a programme (part of the agreement aggregate).</summary>
public sealed class Commitment : Entity
{
    private Commitment() { } // for EF Core

    internal Commitment(Guid agreementId, int sequence, CommitmentFields fields)
    {
        AgreementId = agreementId;
        Sequence = sequence;
        Apply(fields);
    }

    /// <summary>The agreement.</summary>
    public Guid AgreementId { get; private set; }

    /// <summary>Position in the order recorded (from 1).</summary>
    public int Sequence { get; private set; }

    /// <summary>What is promised.</summary>
    public string Description { get; private set; } = "";

    /// <summary>Index (from 0) of the content area of the agreement it belongs to.</summary>
    public int ContentArea { get; private set; }

    /// <summary>What is counted.</summary>
    public string Indicator { get; private set; } = "";

    /// <summary>Unit of the count.</summary>
    public string Unit { get; private set; } = "";

    /// <summary>The target.</summary>
    public decimal Target { get; private set; }

    /// <summary>How the target is read.</summary>
    public TargetKind TargetKind { get; private set; }

    /// <summary>The party responsible (one of the agreement's parties), when named.</summary>
    public string? ResponsibleParty { get; private set; }

    /// <summary>The register count that measures it, instead of reviews.</summary>
    public RegisterMeasure? RegisterMeasure { get; private set; }

    /// <summary>The fields as recorded.</summary>
    public CommitmentFields Fields() => new(Description, ContentArea, Indicator, Unit, Target, TargetKind, ResponsibleParty, RegisterMeasure);

    internal void Apply(CommitmentFields f)
    {
        Description = f.Description.Trim();
        ContentArea = f.ContentArea;
        Indicator = f.Indicator.Trim();
        Unit = f.Unit.Trim();
        Target = f.Target;
        TargetKind = f.TargetKind;
        ResponsibleParty = FreeText.Normalize(f.ResponsibleParty);
        RegisterMeasure = f.RegisterMeasure;
    }
}

/// <summary>The fields of a commitment.</summary>
/// <param name="Description">What is promised.</param>
/// <param name="ContentArea">Index (from 0) into the agreement's content areas.</param>
/// <param name="Indicator">What is counted.</param>
/// <param name="Unit">Unit.</param>
/// <param name="Target">Target (positive).</param>
/// <param name="TargetKind">Per year or by the end of the period.</param>
/// <param name="ResponsibleParty">Party responsible (one of the agreement's), optional.</param>
/// <param name="RegisterMeasure">Register count that measures it, optional.</param>
public sealed record CommitmentFields(string Description, int ContentArea, string Indicator, string Unit, decimal Target,
    TargetKind TargetKind, string? ResponsibleParty, RegisterMeasure? RegisterMeasure);

/// <summary>What a review reports for one commitment.</summary>
/// <param name="CommitmentId">The commitment.</param>
/// <param name="Achieved">Value achieved in the review's year.</param>
/// <param name="Notes">Remarks.</param>
public sealed record ReviewResult(Guid CommitmentId, decimal Achieved, string? Notes);

/// <summary>An annual (sơ kết) or final (tổng kết) review of a programme (part of the agreement aggregate).</summary>
public sealed class Review : Entity
{
    private Review() { } // for EF Core

    internal Review(Guid agreementId, ReviewKind kind, int year, DateOnly heldOn, string? summary, IReadOnlyList<ReviewResult> results,
        DateTimeOffset recordedAt)
    {
        AgreementId = agreementId;
        Kind = kind;
        Year = year;
        HeldOn = heldOn;
        Summary = FreeText.Normalize(summary);
        Results = results;
        RecordedAt = recordedAt;
    }

    /// <summary>The agreement.</summary>
    public Guid AgreementId { get; private set; }

    /// <summary>Annual or final.</summary>
    public ReviewKind Kind { get; private set; }

    /// <summary>The year reviewed.</summary>
    public int Year { get; private set; }

    /// <summary>Date the review was held.</summary>
    public DateOnly HeldOn { get; private set; }

    /// <summary>Summary.</summary>
    public string? Summary { get; private set; }

    /// <summary>Values achieved in the year, per commitment.</summary>
    public IReadOnlyList<ReviewResult> Results { get; private set; } = [];

    /// <summary>When recorded (UTC).</summary>
    public DateTimeOffset RecordedAt { get; private set; }
}
