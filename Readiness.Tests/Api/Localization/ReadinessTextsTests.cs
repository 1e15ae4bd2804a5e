using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Readiness.Tests.Api.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Localization;

/// <summary>German texts for people by default, English with Accept-Language: en; the machine values stay the same.</summary>
public sealed partial class ReadinessTextsTests : ResultsFixture
{
    private const string Andechs = "/api/v1/municipalities/09188117/readiness";

    private static readonly string[] GermanTiers = ["steht am Anfang", "im Aufbau", "gut aufgestellt", "erfahren", "zu wenige Angaben"];
    private static readonly string[] EnglishTiers = ["just starting", "developing", "established", "experienced", "not enough answers"];

    [Test]
    public async Task Readiness_WithoutAcceptLanguage_IsGerman()
    {
        var response = await Client.GetAsync(Andechs);
        var readiness = await response.ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(response.Content.Headers.ContentLanguage, Is.EquivalentTo(new[] { "de" }));
        Assert.That(response.Headers.Vary, Does.Contain("Accept-Language"));
        Assert.That(readiness.Get<string>("tier"), Is.AnyOf("starting", "developing", "established", "experienced"), "the machine value stays");
        Assert.That(readiness.Get<string>("tierLabel"), Is.AnyOf(GermanTiers));
        var recommendations = readiness["recommendations"]!.AsArray();
        Assert.That(recommendations, Is.Not.Empty, "Andechs lacks structures its peers have");
        foreach (var recommendation in recommendations)
        {
            var text = recommendation!.Get<string>("text");
            Assert.That(text, Does.StartWith("Andechs sollte "));
            Assert.That(text, Does.Contain($"Von den {recommendation!.Get<int>("peersAtHigherTier")} Gemeinden der Vergleichsgruppe in einer höheren Stufe haben das {recommendation!.Get<int>("peersHaving")} bereits."));
            if (recommendation!["expectedGain"] is { } gain && gain.GetValue<double>() % 1 != 0)
            {
                Assert.That(text, Does.Match(@"etwa \d+,\d Punkte"), "numbers in German format");
            }

            Assert.That(recommendation!.Get<string>("structure"), Does.Not.Contain(" "), "the key stays a key");
        }

        AssertNoKeysInTexts(readiness);
    }

    [Test]
    public async Task Readiness_InEnglish_HasEnglishTexts_AndItsOwnETag()
    {
        var german = await Client.GetAsync(Andechs);
        using var request = new HttpRequestMessage(HttpMethod.Get, Andechs);
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var response = await Client.SendAsync(request);
        var readiness = await response.ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(response.Content.Headers.ContentLanguage, Is.EquivalentTo(new[] { "en" }));
        Assert.That(readiness.Get<string>("tierLabel"), Is.AnyOf(EnglishTiers));
        Assert.That(readiness["recommendations"]!.AsArray().Select(r => r!.Get<string>("text")), Has.All.StartWith("Andechs should "));
        Assert.That(response.Headers.ETag, Is.Not.EqualTo(german.Headers.ETag), "one language's answer never validates the other's");
        AssertNoKeysInTexts(readiness);
    }

    [Test]
    public async Task Readiness_FlagsAndIndicators_HaveTexts()
    {
        var page = await (await Client.GetAsync("/api/v1/readiness?district=09188&pageSize=100")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(page["items"]!.AsArray().Select(i => i!.Get<string>("tierLabel")), Has.All.AnyOf(GermanTiers));

        foreach (var ags in page["items"]!.AsArray().Select(i => i!.Get<string>("ags")))
        {
            var readiness = await (await Client.GetAsync($"/api/v1/municipalities/{ags}/readiness")).ReadJsonAsync(HttpStatusCode.OK);
            var flags = readiness["flags"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
            var texts = readiness["flagTexts"]!.AsArray();
            Assert.That(texts.Select(t => t!.Get<string>("flag")), Is.EqualTo(flags));
            Assert.That(texts.Select(t => t!.Get<string>("text")), Has.All.Not.EqualTo(string.Empty));
            Assert.That(readiness["indicators"]!.AsArray().Select(i => i!.Get<string>("label")), Has.None.Matches(CamelCase().ToString()));
            AssertNoKeysInTexts(readiness);
        }
    }

    /// <summary>No camelCase key ("paidStaff", "migrantCouncil") inside a text meant for people.</summary>
    internal static void AssertNoKeysInTexts(JsonNode answer)
    {
        foreach (var text in Texts(answer))
        {
            Assert.That(CamelCase().IsMatch(text), Is.False, $"a key inside the text: {text}");
        }
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "tierLabel" or "label" or "text" or "title" or "explanation" && p.Value is JsonValue v
            ? [v.GetValue<string>()]
            : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CamelCase();
}
