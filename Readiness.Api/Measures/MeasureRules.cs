using System.Globalization;
using Readiness.Api.Localization;
using Readiness.Api.Runs;
using Readiness.Data.Decisions;
using Readiness.Scoring.Model;

namespace Readiness.Api.Measures;

/// <summary>Checks a measure request field by field and applies it to a measure (new or stored).</summary>
internal static class MeasureRules
{
    public static readonly string[] Statuses = ["planned", "in-progress", "done", "dropped"];
    public static readonly string[] AddresseeKinds = ["municipality", "administrative-union", "district-office", "steering-committee"];

    /// <summary>
    /// <paramref name="body"/> applied to <paramref name="current"/>: a field absent or null stays as it is. For a new measure
    /// pass a blank one: title, field of action, addressee and due date are then required. Every bad field is named in the errors.
    /// </summary>
    public static MeasureRecord Apply(MeasureRequest body, MeasureRecord current, bool isNew, IReadOnlyList<string> fields, BaseDataCache baseData,
        Dictionary<string, string[]> errors)
    {
        var district = current.DistrictKey;
        var measure = current;
        if (body.Title is not null || isNew)
        {
            if (string.IsNullOrWhiteSpace(body.Title) || body.Title.Length > 200)
            {
                errors["title"] = [Texts.Get("Measure.Title")];
            }
            else
            {
                measure = measure with { Title = body.Title.Trim() };
            }
        }

        if (body.FieldOfAction is not null || isNew)
        {
            if (body.FieldOfAction is null || !fields.Contains(body.FieldOfAction))
            {
                errors["fieldOfAction"] = [Texts.Format("Problem.OneOf", string.Join("; ", fields))];
            }
            else
            {
                measure = measure with { FieldOfAction = body.FieldOfAction };
            }
        }

        if (body.Addressee is not null || isNew)
        {
            var (kind, ags) = (body.Addressee?.Kind, body.Addressee?.Ags);
            if (kind is null || !AddresseeKinds.Contains(kind))
            {
                errors["addressee.kind"] = [Texts.Format("Problem.OneOf", string.Join(", ", AddresseeKinds))];
            }
            else if (kind is "municipality" or "administrative-union" && !InDistrict(ags, district, baseData))
            {
                errors["addressee.ags"] = [Texts.Format("Measure.AddresseeAgs", kind, district)];
            }
            else if (kind == "administrative-union" && baseData.Find(ags!)?.UnionKey is null)
            {
                errors["addressee.ags"] = [Texts.Format("Measure.NoUnion", ags)];
            }
            else
            {
                measure = measure with { AddresseeKind = kind, AddresseeAgs = kind is "municipality" or "administrative-union" ? ags : null };
            }
        }

        if (body.DueDate is not null || isNew)
        {
            if (body.DueDate is null || !DateOnly.TryParseExact(body.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            {
                errors["dueDate"] = [Texts.Get("Problem.DateRequired")];
            }
            else
            {
                measure = measure with { DueDate = due };
            }
        }

        if (body.Status is not null)
        {
            if (!Statuses.Contains(body.Status))
            {
                errors["status"] = [Texts.Format("Problem.OneOf", string.Join(", ", Statuses))];
            }
            else
            {
                measure = measure with { Status = body.Status };
            }
        }

        measure = Text(body.ResponsibleRole, "responsibleRole", 200, errors) is { } role ? measure with { ResponsibleRole = role } : measure;
        measure = Text(body.Consequence, "consequence", 2000, errors) is { } consequence ? measure with { Consequence = consequence } : measure;
        return body.Links is null ? measure : Links(body.Links, measure, baseData, errors);
    }

    private static MeasureRecord Links(MeasureLinksDto links, MeasureRecord measure, BaseDataCache baseData, Dictionary<string, string[]> errors)
    {
        if (links.Recommendation is { } recommendation)
        {
            if (!InDistrict(recommendation.Ags, measure.DistrictKey, baseData))
            {
                errors["links.recommendation.ags"] = [Texts.Format("Measure.RecommendationAgs", measure.DistrictKey)];
            }
            else if (recommendation.Indicator is null || !Structures.All.Contains(recommendation.Indicator))
            {
                errors["links.recommendation.indicator"] = [Texts.Format("Measure.Structure", string.Join(", ", Structures.All))];
            }
            else
            {
                measure = measure with { LinkAgs = recommendation.Ags, LinkIndicator = recommendation.Indicator };
            }
        }

        if (links.Pair is { } pair)
        {
            if (!InDistrict(pair.Mentee, measure.DistrictKey, baseData) || !AgsFormat.IsAgs(pair.Mentor) || baseData.Find(pair.Mentor!) is null)
            {
                errors["links.pair"] = [Texts.Format("Measure.Pair", measure.DistrictKey)];
            }
            else
            {
                measure = measure with { LinkMentee = pair.Mentee, LinkMentor = pair.Mentor };
            }
        }

        if (links.SharedServiceGroup is { } group)
        {
            if (group.Length is 0 or > 50)
            {
                errors["links.sharedServiceGroup"] = [Texts.Get("Measure.SharedGroup")];
            }
            else
            {
                measure = measure with { LinkSharedGroup = group };
            }
        }

        return measure;
    }

    private static string? Text(string? value, string field, int max, Dictionary<string, string[]> errors)
    {
        if (value is { Length: > 0 } && value.Length > max)
        {
            errors[field] = [Texts.Format("Problem.MaxLength", max)];
            return null;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool InDistrict(string? ags, string district, BaseDataCache baseData) =>
        AgsFormat.IsAgs(ags) && ags!.StartsWith(district, StringComparison.Ordinal) && baseData.Find(ags) is not null;
}
