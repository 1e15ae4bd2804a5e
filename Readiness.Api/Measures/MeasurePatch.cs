using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Readiness.Api.Runs;
using Readiness.Data.Decisions;

namespace Readiness.Api.Measures;

/// <summary>
/// PATCH of a measure as a JSON Merge Patch (RFC 7396): the patch is merged into the measure as the request that would
/// create it (a property set to null removes it, an absent one stays, an object is merged member by member), and the
/// result is checked like a new measure. So null clears an optional field (responsible role, consequence, a link), and
/// clearing a required one is a 400 naming it.
/// </summary>
internal static class MeasurePatch
{
    private static readonly string[] Required = ["title", "fieldOfAction", "addressee", "dueDate", "status"];

    /// <summary>A measure is small; anything larger is a mistake.</summary>
    private const long MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// The patch document, or the problem with the body (415, 413, 400). Read by hand rather than bound, so that a property
    /// set to null stays distinguishable from one left out.
    /// </summary>
    public static async Task<(JsonObject? Patch, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Assessments.RequestBody.IsJson(request))
        {
            return (null, Assessments.BodyProblems.UnsupportedMediaType(request.ContentType, "application/merge-patch+json", "application/json"));
        }

        if (await Assessments.RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } bytes)
        {
            return (null, Assessments.BodyProblems.TooLarge(MaxBodyBytes));
        }

        try
        {
            return JsonNode.Parse(bytes) is JsonObject patch ? (patch, null) : (null, Problems.Invalid("body", Localization.Texts.Get("Measure.PatchObject")));
        }
        catch (JsonException)
        {
            return (null, Problems.Invalid("body", Localization.Texts.Get("Measure.PatchObject")));
        }
    }

    /// <summary>The measure changed by <paramref name="patch"/>; every bad field named in <paramref name="errors"/>.</summary>
    public static MeasureRecord Apply(JsonObject patch, MeasureRecord stored, IReadOnlyList<string> fields, BaseDataCache baseData,
        Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var name in Required.Where(n => patch.TryGetPropertyValue(n, out var value) && value is null))
        {
            errors[name] = [Localization.Texts.Get("Measure.CannotClear")];
        }

        MeasureRequest merged;
        try
        {
            merged = Merge(JsonSerializer.SerializeToNode(AsRequest(stored), ApiJson.Options), patch).Deserialize<MeasureRequest>(ApiJson.Options)!;
        }
        catch (JsonException exception)
        {
            errors[FieldOf(exception.Path)] = [Localization.Texts.Get("Measure.WrongType")];
            return stored;
        }

        // Start from the measure without its optional fields: what the merged document leaves out is cleared.
        var blank = stored with
        {
            ResponsibleRole = null, Consequence = null, LinkAgs = null, LinkIndicator = null, LinkMentee = null, LinkMentor = null, LinkSharedGroup = null,
        };
        return MeasureRules.Apply(merged, blank, isNew: true, fields, baseData, errors);
    }

    /// <summary>RFC 7396, section 2, as written there.</summary>
    public static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject existing ? (JsonObject)existing.DeepClone() : [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Merge(result[name], value);
            }
        }

        return result;
    }

    private static MeasureRequest AsRequest(MeasureRecord m) => new(
        m.Title, m.FieldOfAction, new AddresseeDto(m.AddresseeKind, m.AddresseeAgs), m.ResponsibleRole,
        m.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Status, m.Consequence,
        new MeasureLinksDto(
            m.LinkAgs is null ? null : new RecommendationLinkDto(m.LinkAgs, m.LinkIndicator),
            m.LinkMentee is null ? null : new PairLinkDto(m.LinkMentee, m.LinkMentor),
            m.LinkSharedGroup));

    /// <summary>"$.links.pair.mentee" → "links.pair.mentee", the way the other errors name fields.</summary>
    private static string FieldOf(string? path) => path is { Length: > 2 } ? path.TrimStart('$', '.') : "body";
}
