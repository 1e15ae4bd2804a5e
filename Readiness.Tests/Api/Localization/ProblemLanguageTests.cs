using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Readiness.Api.Localization;
using Readiness.Data.ApiKeys;
using Readiness.Tests.Api.Results;
using Readiness.Tests.Support;
using static Readiness.Tests.Api.Write.WriteSupport;

namespace Readiness.Tests.Api.Localization;

/// <summary>
/// A representative set of bad requests (body not JSON, wrong types, bad AGS, no key, unknown key, too weak a role,
/// another district, an import with bad rows, a wrong content type, query values of the wrong type or with control
/// characters; the rate limit is in RateLimitTests): each problem's
/// title and texts are those of the German resources by default and of the English ones with Accept-Language: en, so
/// a text that is English again (or has no German companion) fails here. The expected texts come from the resource
/// files, with their placeholders as wildcards.
/// </summary>
public sealed partial class ProblemLanguageTests : ResultsFixture
{
    private static readonly ResourceManager Resources = new("Readiness.Api.Localization.Texts", typeof(Texts).Assembly);

    private string planner = "";
    private string reader = "";
    private string admin = "";

    public enum Key
    {
        None,
        Unknown,
        Reader,
        Planner,
        Admin,
    }

    /// <param name="Name">The case.</param>
    /// <param name="Method">HTTP method.</param>
    /// <param name="Url">Path and query.</param>
    /// <param name="Key">Which API key to send.</param>
    /// <param name="Body">The body, or null.</param>
    /// <param name="ContentType">Its content type.</param>
    /// <param name="Status">The expected status.</param>
    /// <param name="Title">The resource key of the title.</param>
    /// <param name="Texts">Where a text is expected (detail, or errors.field) and its resource key.</param>
    public sealed record Case(string Name, string Method, string Url, Key Key, string? Body, string ContentType, HttpStatusCode Status, string Title,
        params (string Where, string Resource)[] Texts)
    {
        public override string ToString() => Name;
    }

    private static readonly Case[] Cases =
    [
        new("what-if body not JSON", "POST", $"/api/v1/municipalities/{Andechs}/readiness/what-if", Key.Planner, "{\"network\": tru", "application/json",
            HttpStatusCode.BadRequest, "Problem.Validation", ("errors.body", "Body.NotJson")),
        new("what-if unknown field", "POST", $"/api/v1/municipalities/{Andechs}/readiness/what-if", Key.Planner, "{\"colour\": true}", "application/json",
            HttpStatusCode.BadRequest, "Problem.Validation", ("errors.colour", "WhatIf.UnknownField")),
        new("assessment with wrong types", "POST", $"/api/v1/municipalities/{Andechs}/assessments", Key.Planner,
            "{\"referenceDate\": \"2025-06-30\", \"contactPerson\": \"vielleicht\", \"activeVolunteers\": 1.5}", "application/json",
            HttpStatusCode.BadRequest, "Problem.Validation", ("errors.contactPerson", "Import.ExpectedBoolean"), ("errors.activeVolunteers", "Answer.WholeNumber")),
        new("bad AGS", "GET", "/api/v1/municipalities/0918811", Key.None, null, "", HttpStatusCode.BadRequest, "Problem.Validation", ("errors.ags", "Problem.Ags")),
        new("no key", "POST", $"/api/v1/municipalities/{Andechs}/assessments", Key.None, ValidBody(), "application/json",
            HttpStatusCode.Unauthorized, "Auth.MissingKey.Title", ("detail", "Auth.MissingKey.Detail")),
        new("unknown key", "POST", $"/api/v1/municipalities/{Andechs}/assessments", Key.Unknown, ValidBody(), "application/json",
            HttpStatusCode.Unauthorized, "Auth.InvalidKey.Title", ("detail", "Auth.InvalidKey.Detail")),
        new("reader writes", "POST", $"/api/v1/municipalities/{Andechs}/assessments", Key.Reader, ValidBody(), "application/json",
            HttpStatusCode.Forbidden, "Auth.WeakRole.Title", ("detail", "Auth.WeakRole.Detail")),
        new("another district", "POST", "/api/v1/municipalities/09190111/assessments", Key.Planner, ValidBody(), "application/json",
            HttpStatusCode.Forbidden, "Auth.Outside.Title", ("detail", "Auth.Outside.Detail")),
        new("import with bad rows", "POST", "/api/v1/assessments/import", Key.Planner,
            $"ags;referenceDate;contactPerson\n{Andechs};2025-06-30;vielleicht\n09188999;2025-06-30;ja\n", "text/csv",
            HttpStatusCode.BadRequest, "Import.Title", ("detail", "Import.BadRows"), ("errors.row 2: contactPerson", "Import.ExpectedYesNo"),
            ("errors.row 3: ags", "Import.UnknownAgs")),
        new("import with a bad header", "POST", "/api/v1/assessments/import", Key.Planner, "ags;colour\n", "text/csv",
            HttpStatusCode.BadRequest, "Import.Title", ("detail", "Import.Unreadable")),
        new("wrong content type", "POST", $"/api/v1/municipalities/{Andechs}/readiness/what-if", Key.Planner, "network=true", "text/plain",
            HttpStatusCode.UnsupportedMediaType, "Body.UnsupportedType.Title", ("detail", "Body.UnsupportedType.Detail")),
        new("query value of the wrong type", "GET", "/api/v1/readiness?page=erste", Key.None, null, "", HttpStatusCode.BadRequest, "Problem.Validation",
            ("errors.page", "BadRequest.NotA")),
        new("unknown tier and sort", "GET", "/api/v1/municipalities?tier=gold&sort=colour", Key.None, null, "", HttpStatusCode.BadRequest, "Problem.Validation",
            ("errors.tier", "Problem.Tier"), ("errors.sort", "Problem.Sort")),
        new("control characters in the query", "GET", "/api/v1/municipalities?q=a%00b", Key.None, null, "", HttpStatusCode.BadRequest,
            "Problem.ControlCharacters.Title", ("errors.q", "Problem.ControlCharacters.Value")),
        new("profile the scoring library refuses", "PUT", "/api/v1/profiles/leer", Key.Admin,
            "{\"pillars\": [], \"indicators\": [], \"tiers\": {\"developing\": 40, \"established\": 30, \"experienced\": 80}}", "application/json",
            HttpStatusCode.BadRequest, "Problem.Validation", ("errors.pillars", "Profile.PillarsRequired"), ("errors.indicators", "Profile.IndicatorsRequired"),
            ("errors.tiers.established", "Profile.TierEstablished")),
    ];

    [OneTimeSetUp]
    public void CreateKeys()
    {
        planner = Factory.CreateKey(Role.Planner, Starnberg);
        reader = Factory.CreateKey(Role.Reader);
        admin = Factory.CreateKey(Role.Admin);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Problem_IsGerman_ByDefault(Case bad) => await AssertLanguage(bad, null, LocalizationSetup.German);

    [TestCaseSource(nameof(Cases))]
    public async Task Problem_IsEnglish_WithAcceptLanguageEn(Case bad) => await AssertLanguage(bad, "en", LocalizationSetup.English);

    private async Task AssertLanguage(Case bad, string? acceptLanguage, CultureInfo culture)
    {
        var key = bad.Key switch { Key.Planner => planner, Key.Reader => reader, Key.Admin => admin, Key.Unknown => "rdy_not-a-key", _ => null };
        using var request = Request(new HttpMethod(bad.Method), bad.Url, key,
            bad.Body is null ? null : new StringContent(bad.Body, System.Text.Encoding.UTF8, bad.ContentType));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await Client.SendAsync(request);
        var problem = await response.ReadProblemAsync(bad.Status);

        Assert.That(response.Content.Headers.ContentLanguage, Is.EquivalentTo(new[] { culture.Name }));
        Assert.That(problem.Get<string>("title"), Does.Match(Pattern(bad.Title, culture)));
        foreach (var (where, resource) in bad.Texts)
        {
            var text = where == "detail" ? problem.Get<string>("detail") : problem["errors"]?[where["errors.".Length..]]?[0]?.GetValue<string>();
            Assert.That(text ?? "(missing)", Does.Match(Pattern(resource, culture)), $"{where} in {problem.ToJsonString()}");
        }
    }

    /// <summary>The resource text in <paramref name="culture"/> as a whole-string pattern, each placeholder matching anything.</summary>
    private static string Pattern(string resource, CultureInfo culture)
    {
        var text = Resources.GetString(resource, culture) ?? throw new AssertionException($"no resource {resource}");
        // A text that reads the same in both languages would prove nothing about the language.
        Assert.That(Resources.GetString(resource, LocalizationSetup.English), Is.Not.EqualTo(Resources.GetString(resource, LocalizationSetup.German)), resource);
        return "^" + string.Join(".*", Placeholder().Split(text).Select(Regex.Escape)) + "$";
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
