using Readiness.Api.Localization;

namespace Readiness.Api.Infrastructure;

/// <summary>
/// Refuses control characters (U+0000..U+001F, U+007F..U+009F) in query names and values with a 400
/// naming the parameter. No filter means anything with them: a search for "\0" would otherwise match
/// every municipality, and such values end up in logs and exports.
/// </summary>
internal static class QueryTextGuard
{
    public static IApplicationBuilder UseQueryTextGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.QueryString.HasValue && Find(context.Request.Query) is { } errors)
        {
            await TypedResults.ValidationProblem(errors, title: Texts.Get("Problem.ControlCharacters.Title")).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    internal static Dictionary<string, string[]>? Find(IQueryCollection query)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var (name, values) in query)
        {
            if (name.Any(char.IsControl))
            {
                (errors ??= [])[Printable(name)] = [Texts.Get("Problem.ControlCharacters.Name")];
                continue;
            }

            foreach (var value in values)
            {
                if (value is not null && value.Any(char.IsControl))
                {
                    (errors ??= [])[name] = [Texts.Format("Problem.ControlCharacters.Value", Printable(value))];
                    break;
                }
            }
        }

        return errors;
    }

    private static string Printable(string text)
    {
        var shown = string.Concat(text.Take(60).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return text.Length > 60 ? shown + "…" : shown;
    }
}
