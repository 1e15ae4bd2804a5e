using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Readiness.Api.Localization;

/// <summary>
/// German for people by default, English with <c>Accept-Language: en</c>. Only the UI culture follows the request: the
/// texts come from resources in that language and format their own numbers, while the culture of the thread stays
/// invariant, so CSV numbers, logs and parsing never turn into "48,5".
/// </summary>
internal static class LocalizationSetup
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddReadinessLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, German);
            options.SupportedCultures = [CultureInfo.InvariantCulture];
            options.SupportedUICultures = [German, English];
            options.ApplyCurrentCultureToResponseHeaders = true;
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.Configure<ProblemDetailsOptions>(options => options.CustomizeProblemDetails += ProblemTexts.Localize);
        return services;
    }

    /// <summary>First in the pipeline, so problem details written by the exception handler and the status pages are localised too.</summary>
    public static IApplicationBuilder UseReadinessLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use((context, next) =>
        {
            context.Response.Headers.Append("Vary", "Accept-Language");
            return next(context);
        });
    }
}

/// <summary>The framework's default problem titles ("Not Found", "One or more validation errors occurred.") in the request's language.</summary>
internal static class ProblemTexts
{
    private const string ValidationTitle = "One or more validation errors occurred.";

    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Title == ValidationTitle || problem is HttpValidationProblemDetails && problem.Title is null)
        {
            problem.Title = Texts.Get("Problem.Validation");
        }
        else if (problem.Status is { } status && (problem.Title is null || problem.Title == Texts.EnglishOf("Status." + status.ToString(CultureInfo.InvariantCulture))))
        {
            problem.Title = Texts.Find("Status." + status.ToString(CultureInfo.InvariantCulture)) ?? problem.Title;
        }
    }
}
