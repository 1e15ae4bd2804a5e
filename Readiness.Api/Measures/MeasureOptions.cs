namespace Readiness.Api.Measures;

/// <summary>The fields of action (Handlungsfelder) a measure may belong to (<c>Readiness:Measures:FieldsOfAction</c>).</summary>
public sealed class MeasureOptions
{
    public const string Section = "Readiness:Measures";

    /// <summary>The fields of a Bavarian district integration plan, with the one the dialogue round asked for.</summary>
    public static readonly IReadOnlyList<string> DefaultFields =
    [
        "Sprache und Bildung",
        "Arbeit und Ausbildung",
        "Wohnen",
        "Gesundheit und Pflege",
        "Kinder, Jugendliche und Familie",
        "Bürgerschaftliches Engagement und Ehrenamt",
        "Interkulturelle Öffnung der Verwaltung",
        "Teilhabe, Partizipation und Zusammenleben",
        "Zusammenarbeit mit den Gemeinden",
    ];

    /// <summary>Replaces the default list when set (an array, so configuration replaces rather than appends).</summary>
    public string[]? FieldsOfAction { get; set; }

    public IReadOnlyList<string> Fields => FieldsOfAction is { Length: > 0 } fields ? fields : DefaultFields;
}
