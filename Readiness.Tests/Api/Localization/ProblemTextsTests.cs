using System.Net;
using Readiness.Tests.Api.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Localization;

/// <summary>Problem details speak German by default and English with Accept-Language: en.</summary>
public sealed class ProblemTextsTests : ResultsFixture
{
    [Test]
    public async Task MalformedAgs_IsAGermanValidationProblem()
    {
        var response = await Client.GetAsync("/api/v1/municipalities/0918811");
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest, "ags");

        Assert.That(response.Content.Headers.ContentLanguage, Is.EquivalentTo(new[] { "de" }));
        Assert.That(problem.Get<string>("title"), Is.EqualTo("Eine oder mehrere Angaben sind ungültig."));
        Assert.That(problem["errors"]!["ags"]![0]!.GetValue<string>(), Does.Contain("ist kein Amtlicher Gemeindeschlüssel"));
    }

    [Test]
    public async Task MalformedAgs_InEnglish_IsAnEnglishValidationProblem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/municipalities/0918811");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await Client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest, "ags");

        Assert.That(problem.Get<string>("title"), Is.EqualTo("One or more validation errors occurred."));
        Assert.That(problem["errors"]!["ags"]![0]!.GetValue<string>(), Does.Contain("is not an AGS"));
    }

    [TestCase("/api/v1/municipalities/09999999", "Gemeinde nicht gefunden")]
    [TestCase("/api/v1/municipalities/09999999/readiness", "Gemeinde nicht gefunden")]
    [TestCase("/api/v1/municipalities/09188117/readiness?profile=nope", "Bewertungsprofil nicht gefunden")]
    [TestCase("/api/v1/municipalities/09188117/readiness?run=999999", "Berechnungslauf nicht gefunden")]
    [TestCase("/api/v1/districts/09999", "Landkreis nicht gefunden")]
    public async Task NotFound_IsGerman(string url, string title)
    {
        var problem = await (await Client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Get<string>("title"), Is.EqualTo(title));
    }

    [Test]
    public async Task BadPaging_IsGerman()
    {
        var problem = await (await Client.GetAsync("/api/v1/readiness?pageSize=0&page=0")).ReadProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        Assert.That(problem["errors"]!["pageSize"]![0]!.GetValue<string>(), Is.EqualTo("pageSize muss zwischen 1 und 500 liegen."));
        Assert.That(problem["errors"]!["page"]![0]!.GetValue<string>(), Is.EqualTo("page muss 1 oder größer sein."));
    }

    [Test]
    public async Task UnknownRoute_HasAGermanDefaultTitle()
    {
        var response = await Client.GetAsync("/api/v1/nothing-here");
        var problem = await response.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.That(problem.Get<string>("title"), Is.EqualTo("Nicht gefunden"));
    }
}
