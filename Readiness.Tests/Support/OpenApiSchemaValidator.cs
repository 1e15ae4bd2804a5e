using System.Text.Json;
using System.Text.Json.Nodes;

namespace Readiness.Tests.Support;

/// <summary>
/// Checks a JSON answer against a schema of an OpenAPI 3.0 document: <c>$ref</c>, <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>,
/// <c>type</c>, <c>nullable</c>, <c>required</c>, <c>properties</c>, <c>additionalProperties</c>, <c>items</c> and
/// <c>enum</c> — the keywords the generated document uses. A null is valid only where the schema says <c>nullable: true</c>.
/// </summary>
internal sealed class OpenApiSchemaValidator(JsonNode document)
{
    public List<string> Validate(JsonNode? value, JsonNode schema, string path)
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    private void Check(JsonNode? value, JsonNode schema, string path, List<string> errors)
    {
        if (schema["$ref"] is { } reference)
        {
            Check(value, Resolve(reference.GetValue<string>()), path, errors);
            return;
        }

        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && !IsAnything(schema))
            {
                errors.Add($"{path}: null where the schema does not say nullable");
            }

            return;
        }

        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            Check(value, part!, path, errors);
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray choices && !choices.Any(c => Validate(value, c!, path).Count == 0))
            {
                errors.Add($"{path}: matches none of its {keyword}");
            }
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                CheckObject(value, schema, path, errors);
                break;
            case "array" when value is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (schema["items"] is { } items)
                    {
                        Check(array[i], items, $"{path}[{i}]", errors);
                    }
                }

                break;
            case "array":
                errors.Add($"{path}: expected an array, got {Kind(value)}");
                break;
            case "string" when Kind(value) != JsonValueKind.String:
            case "boolean" when Kind(value) is not (JsonValueKind.True or JsonValueKind.False):
            case "number" when Kind(value) != JsonValueKind.Number:
                errors.Add($"{path}: expected {schema["type"]}, got {Kind(value)}");
                break;
            case "integer" when Kind(value) != JsonValueKind.Number || value.GetValue<double>() % 1 != 0:
                errors.Add($"{path}: expected an integer, got {value.ToJsonString()}");
                break;
        }
    }

    private void CheckObject(JsonNode value, JsonNode schema, string path, List<string> errors)
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{path}: expected an object, got {Kind(value)}");
            return;
        }

        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (!obj.ContainsKey(required!.GetValue<string>()))
            {
                errors.Add($"{path}: required property {required} is missing");
            }
        }

        var properties = schema["properties"]?.AsObject();
        foreach (var (name, property) in obj)
        {
            if (properties?[name] is { } propertySchema)
            {
                Check(property, propertySchema, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(property, additional, $"{path}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>())
            {
                errors.Add($"{path}.{name}: not in the schema, which allows no other properties");
            }
            else if (properties is not null && schema["additionalProperties"] is null)
            {
                // OpenAPI allows more properties by default; a field the document does not know is still a gap in it.
                errors.Add($"{path}.{name}: answered but not documented");
            }
        }
    }

    private JsonNode Resolve(string reference)
    {
        var node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"{reference} does not resolve");
        }

        return node;
    }

    private static bool IsAnything(JsonNode schema) => schema is JsonObject o && !o.Any(p => p.Key is "type" or "$ref" or "allOf" or "oneOf" or "anyOf" or "enum" or "properties");

    private static JsonValueKind Kind(JsonNode node) => node.GetValueKind();
}
