using Readiness.Api.Localization;
using Readiness.Data.Assessments;
using Readiness.Scoring.Model;

namespace Readiness.Api.Assessments;

/// <summary>A problem with one value of one row: the column (or field), the value as sent, and what is wrong.</summary>
internal sealed record CellError(string Column, string? Value, string Message);

/// <summary>One row of an import, or the body of a single POST, as parsed and checked.</summary>
/// <param name="number">CSV: the line in the file (the header is line 1). JSON: the position in the array, from 1.</param>
internal sealed class ImportRow(int number)
{
    public const int MaxNoteLength = 2_000;

    /// <summary>The earliest reference date accepted: a survey older than this is a typo.</summary>
    public static readonly DateOnly EarliestReferenceDate = new(2000, 1, 1);

    public int Number { get; } = number;

    public string? Ags { get; set; }

    public DateOnly? ReferenceDate { get; set; }

    public string? Note { get; set; }

    public double?[] Values { get; } = new double?[AnswerFields.All.Count];

    /// <summary>Who provides each of the five shareable structures (<see cref="ProviderFields"/>); null is the municipality's own.</summary>
    public Provider?[] Providers { get; } = new Provider?[ProviderFields.All.Count];

    public List<CellError>? Errors { get; private set; }

    public bool IsValid => Errors is null;

    public void Fail(string column, string? value, string message) => (Errors ??= []).Add(new CellError(column, value, message));

    public void SetAgs(string value)
    {
        if (AgsFormat.IsAgs(value))
        {
            Ags = value;
        }
        else
        {
            Fail("ags", value, AgsFormat.AgsMessage(value));
        }
    }

    public void SetReferenceDate(DateOnly date, string text, DateOnly today)
    {
        if (date > today)
        {
            Fail("referenceDate", text, Texts.Format("Import.ReferenceDateFuture", Texts.Date(date), Texts.Date(today)));
        }
        else if (date < EarliestReferenceDate)
        {
            Fail("referenceDate", text, Texts.Format("Import.ReferenceDateEarly", Texts.Date(date), Texts.Date(EarliestReferenceDate)));
        }
        else
        {
            ReferenceDate = date;
        }
    }

    public void SetNote(string value)
    {
        if (value.Length > MaxNoteLength)
        {
            Fail("note", value[..40] + "…", $"A note has at most {MaxNoteLength} characters.");
        }
        else if (value.Length > 0)
        {
            Note = value;
        }
    }

    public void SetValue(AnswerField field, double value, string text)
    {
        if (AnswerFields.CheckRange(field, value) is { } message)
        {
            Fail(field.Name, text, message);
        }
        else
        {
            Values[field.Index] = value;
        }
    }

    public void SetProvider(ProviderField field, ReadOnlySpan<char> text)
    {
        if (ProviderFields.TryParse(text, out var provider))
        {
            Providers[field.Index] = provider;
        }
        else
        {
            Fail(field.Name, text.Length <= 60 ? text.ToString() : text[..60].ToString() + "…", ProviderFields.Unknown(field.Answer));
        }
    }

    /// <summary>Rows that passed every check become assessments; <c>ags</c> and <c>referenceDate</c> are then known.</summary>
    public NewAssessment ToAssessment() => new(
        Ags ?? throw new InvalidOperationException("A row without an AGS is not valid."),
        ReferenceDate ?? throw new InvalidOperationException("A row without a reference date is not valid."),
        AssessmentSource.Surveyed, ProviderFields.Apply(AnswerFields.ToAnswers(Values), Providers), Note);

    /// <summary>Checks that the required values are present; call after all cells are read.</summary>
    public void RequireKeys()
    {
        if (Ags is null && Errors?.Exists(e => e.Column == "ags") != true)
        {
            Fail("ags", null, Texts.Get("Import.AgsRequired"));
        }

        if (ReferenceDate is null && Errors?.Exists(e => e.Column == "referenceDate") != true)
        {
            Fail("referenceDate", null, Texts.Get("Import.ReferenceDateRequired"));
        }

        // A shared provider names who provides a structure the municipality has; with "no" it contradicts the answer.
        foreach (var field in ProviderFields.All)
        {
            var answer = AnswerFields.All.First(f => f.Name == field.Answer);
            if (Providers[field.Index] is Provider.AdministrativeUnion or Provider.District && Values[answer.Index] is 0)
            {
                Fail(field.Name, WireName(Providers[field.Index]!.Value),
                    $"A provider is given, but {field.Answer} says there is none: answer {field.Answer} with yes (or an FTE above 0), or leave the provider out.");
            }
        }
    }

    private static string WireName(Provider provider) => provider == Provider.AdministrativeUnion ? "administrativeUnion" : provider == Provider.District ? "district" : "own";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
