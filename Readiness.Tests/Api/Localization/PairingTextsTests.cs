using System.Net;
using Readiness.Tests.Api.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Localization;

/// <summary>Pair explanations, topics, unpaired reasons and offers in whole German sentences, keys left as they are.</summary>
public sealed class PairingTextsTests : ResultsFixture
{
    [Test]
    public async Task PairedMentee_ExplanationIsAGermanSentence()
    {
        var pairs = await (await Client.GetAsync("/api/v1/pairings?state=09&pageSize=20")).ReadJsonAsync(HttpStatusCode.OK);
        var pair = pairs["items"]!.AsArray().First()!;
        var mentee = pair["mentee"]!.Get<string>("ags");
        Assert.That(pair["mentee"]!.Get<string>("tierLabel"), Is.Not.Empty);
        Assert.That(pair["topics"]!.AsArray().Select(t => t!.Get<string>("label")), Has.None.Matches(@"[a-z][A-Z]"));

        var pairing = await (await Client.GetAsync($"/api/v1/municipalities/{mentee}/pairing")).ReadJsonAsync(HttpStatusCode.OK);
        var explanation = pairing.Get<string>("explanation");

        Assert.That(explanation, Does.StartWith($"{pair["mentor"]!.Get<string>("name")} hat "));
        Assert.That(explanation, Does.Contain($"und kann Erfahrungen an {pair["mentee"]!.Get<string>("name")} weitergeben; "));
        Assert.That(explanation, Does.Match(@"; \d+(,\d)? km(, gemeinsame Gemeindegrenze)?\.$"));
        ReadinessTextsTests.AssertNoKeysInTexts(pairing);
    }

    [Test]
    public async Task SharedServiceOffers_HaveGermanTitles_AndEnglishOnRequest()
    {
        var groups = await (await Client.GetAsync("/api/v1/shared-services?state=09&pageSize=50")).ReadJsonAsync(HttpStatusCode.OK);
        var offers = groups["items"]!.AsArray().SelectMany(g => g!["suggestedOffers"]!.AsArray()).ToList();
        Assert.That(offers, Is.Not.Empty);
        Assert.That(offers.Select(o => o!.Get<string>("title")), Has.All.StartWith("Gemeinsam").Or.StartWith("Abgestimmte").Or.StartWith("Regelmäßiger"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/shared-services?state=09&pageSize=50");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await Client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
        var first = english["items"]!.AsArray().SelectMany(g => g!["suggestedOffers"]!.AsArray()).First()!;
        Assert.That(first.Get<string>("title"), Does.Not.StartWith("Gemeinsam"));
    }
}
