using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Readiness.Tests.Api.Results;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Localization;

/// <summary>
/// Peer-group labels describe the members, not the centroid: the figures in a label are checked against the medians
/// of the members the service lists for that group (issue 15, item 8), in German by default and in English with en.
/// </summary>
public sealed partial class PeerGroupLabelTests : ResultsFixture
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    [Test]
    public async Task Labels_GiveTheMembersMedians_InGermanNumbers()
    {
        var groups = (await GetAsync("/api/v1/peer-groups", null)).AsArray();

        foreach (var group in groups.Select(g => g!))
        {
            var members = await MembersOf(group.Get<int>("id"));
            Assert.That(members, Has.Count.EqualTo(group.Get<int>("size")));
            var population = Median(members.Select(m => (double)m.Get<long>("population")));
            var shares = members.Where(m => m["foreignShare"] is not null).Select(m => m.Get<double>("foreignShare")).ToList();
            var label = group.Get<string>("label");

            var figures = group["figures"]!;
            Assert.That(figures["population"]!.Get<double>("median"), Is.EqualTo(population), label);
            Assert.That(figures["foreignShare"]!.Get<double>("median"), Is.EqualTo(Median(shares)).Within(0.00005), label);
            AssertMostMembersInRange(figures["population"]!, members.Select(m => (double)m.Get<long>("population")).ToList(), label);
            AssertMostMembersInRange(figures["foreignShare"]!, shares, label);

            // The label's figures, read back as a German reader would: "Median 2.100 Einwohner", "Median 5 %".
            var residents = double.Parse(GermanResidents().Match(label).Groups[1].Value, NumberStyles.AllowThousands, German);
            Assert.That(residents, Is.EqualTo(population).Within(5).Percent, label);
            var percent = double.Parse(GermanShare().Match(label).Groups[1].Value, German);
            Assert.That(percent, Is.EqualTo(Median(shares) * 100).Within(0.51), label);
            Assert.That(label, Does.Not.Contain("residents").And.Not.Contain("foreign share"), label);
        }

        Assert.That(groups.Select(g => g!.Get<string>("label")), Is.Unique);
    }

    [Test]
    public async Task Labels_AreEnglish_WithAcceptLanguageEn_AndTheSameEverywhere()
    {
        var english = await GetAsync("/api/v1/peer-groups", "en");
        var first = english.AsArray()[0]!;
        var label = first.Get<string>("label");
        Assert.That(label, Does.Match(@"median [\d,]+ residents").And.Contain("foreign share"));
        Assert.That(label, Does.Not.Contain("Einwohner"));

        // The member list, a municipality and its readiness answer name the group with the same words.
        var member = (await GetAsync($"/api/v1/peer-groups/{first.Get<int>("id")}?pageSize=1", "en"))["members"]![0]!.Get<string>("ags");
        Assert.That((await GetAsync($"/api/v1/municipalities/{member}", "en"))["peerGroup"]!.Get<string>("label"), Is.EqualTo(label));
        Assert.That((await GetAsync($"/api/v1/municipalities/{member}/readiness", "en"))["peerGroup"]!.Get<string>("label"), Is.EqualTo(label));
        var german = (await GetAsync("/api/v1/peer-groups", null)).AsArray().Single(g => g!.Get<int>("id") == first.Get<int>("id"))!.Get<string>("label");
        Assert.That((await GetAsync($"/api/v1/municipalities/{member}/readiness", null))["peerGroup"]!.Get<string>("label"), Is.EqualTo(german));
        Assert.That(german, Is.Not.EqualTo(label));
    }

    private static void AssertMostMembersInRange(JsonNode range, List<double> values, string label)
    {
        var (low, high) = (range.Get<double>("low"), range.Get<double>("high"));
        Assert.That(low, Is.LessThanOrEqualTo(range.Get<double>("median")).And.LessThanOrEqualTo(high), label);
        // Eight in ten members lie in the range; rounding of the served bounds may exclude a boundary member.
        Assert.That(values.Count(v => v >= low - 0.0001 && v <= high + 0.0001), Is.GreaterThanOrEqualTo(0.8 * values.Count - 2), label);
    }

    private async Task<List<JsonNode>> MembersOf(int group)
    {
        var members = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var answer = await GetAsync($"/api/v1/municipalities?peerGroup={group}&pageSize=500&page={page}", null);
            members.AddRange(answer["items"]!.AsArray().Select(m => m!));
            if (members.Count >= answer.Get<int>("total"))
            {
                return members;
            }
        }
    }

    private async Task<JsonNode> GetAsync(string url, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await (await Client.SendAsync(request)).ReadJsonAsync(HttpStatusCode.OK);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"Median ([\d.]+) Einwohner")]
    private static partial Regex GermanResidents();

    [GeneratedRegex(@"Ausländeranteil mit Median (\d+) %")]
    private static partial Regex GermanShare();
}
