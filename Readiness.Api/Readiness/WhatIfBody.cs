using System.Text.Json;
using Readiness.Api.Assessments;
using Readiness.Api.Localization;
using Readiness.Scoring.Model;

namespace Readiness.Api.Readiness;

/// <summary>Reads a what-if body: any answer fields, each checked like an assessment's; null clears an answer.</summary>
internal static class WhatIfBody
{
    public static (AssessmentAnswers Answers, IReadOnlyList<string> Changed, Dictionary<string, string[]> Errors) Apply(byte[] body, AssessmentAnswers current)
    {
        var errors = new Dictionary<string, string[]>();
        var values = AnswerFields.FromAnswers(current);
        var providers = ProviderFields.Of(current);
        var changed = new List<string>();
        if (body.Length == 0)
        {
            errors["body"] = [Texts.Get("WhatIf.EmptyBody")];
            return (current, changed, errors);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            errors["body"] = [BodyProblems.NotJson(exception)];
            return (current, changed, errors);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = [Texts.Get("WhatIf.ExpectedObject")];
                return (current, changed, errors);
            }

            var row = new ImportRow(1);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (JsonText.TryGetName(property) is not { } name)
                {
                    row.Fail("fieldName", null, JsonText.Message);
                    continue;
                }

                if (ProviderFields.TryFind(name, out var providerField))
                {
                    changed.Add(providerField.Name);
                    if (property.Value.ValueKind != JsonValueKind.Null)
                    {
                        JsonRows.ReadProvider(row, providerField, property.Value);
                    }

                    // null is the municipality's own, as in an assessment.
                    providers[providerField.Index] = row.Providers[providerField.Index];
                    continue;
                }

                if (!AnswerFields.TryFind(name, out var field))
                {
                    row.Fail(name, null, Texts.Format("WhatIf.UnknownField", string.Join(", ", AnswerFields.All.Select(f => f.Name)), string.Join(", ", ProviderFields.All.Select(f => f.Name))));
                    continue;
                }

                changed.Add(field.Name);
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    values[field.Index] = null;
                    continue;
                }

                row.Values[field.Index] = null;
                JsonRows.ReadAnswer(row, field, property.Value);
                values[field.Index] = row.Values[field.Index] ?? values[field.Index];
            }

            foreach (var error in row.Errors ?? [])
            {
                errors[error.Column] = [.. errors.GetValueOrDefault(error.Column) ?? [], error.Message];
            }
        }

        return (ProviderFields.Apply(AnswerFields.ToAnswers(values), providers), changed, errors);
    }
}
