using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using nietras.SeparatedValues;
using Readiness.Api.Runs;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

public sealed class ExportEndpointTests : ResultsFixture
{
    private const int BavarianMunicipalities = 2_056;
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [Test]
    public async Task Csv_Bavaria_HasOneRowPerMunicipality_WithBomUmlautsAndTheDocumentedColumns()
    {
        var response = await Client.GetAsync("/api/v1/export/readiness.csv?state=09");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Does.Match(@"^readiness-state-09-run-\d+\.csv$"));
        Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()), "UTF-8 BOM, so Excel reads umlauts");

        var (header, rows) = ReadCsv(bytes);
        Assert.That(header, Is.EqualTo(await DocumentedColumnsAsync()), "columns as ExportRowDto documents them, in order");
        Assert.That(rows, Has.Count.EqualTo(BavarianMunicipalities));
        Assert.That(rows.Select(r => r["ags"]).Distinct().Count(), Is.EqualTo(BavarianMunicipalities));
        Assert.That(rows.Select(r => r["name"]), Does.Contain("München").And.Contain("Nürnberg").And.Contain("Würzburg"));
        Assert.That(rows.Select(r => r["ags"]), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(rows.All(r => r["stateKey"] == "09"));
    }

    [Test]
    public async Task Csv_District_MatchesTheRankingList_InGermanNumberFormat()
    {
        var ranking = await (await Client.GetAsync("/api/v1/readiness?district=09188&pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);
        var expected = ranking["items"]!.AsArray().ToDictionary(i => i!.Get<string>("ags"), i => i!);

        var (_, rows) = ReadCsv(await Client.GetByteArrayAsync("/api/v1/export/readiness.csv?district=09188"));

        Assert.That(rows.Select(r => r["ags"]), Is.EquivalentTo(expected.Keys));
        foreach (var row in rows)
        {
            var item = expected[row["ags"]];
            Assert.That(row["name"], Is.EqualTo(item.Get<string>("name")));
            Assert.That(row["tier"], Is.EqualTo(item.Get<string>("tier")));
            Assert.That(Number(row["score"], German), Is.EqualTo(item["score"]?.GetValue<double>()), row["ags"]);
            Assert.That(Number(row["coverage"], German), Is.EqualTo(item.Get<double>("coverage")), row["ags"]);
            Assert.That(row["rankDistrict"], Is.EqualTo(item["rank"]!["district"]?.ToString() ?? ""));
            Assert.That(row["peerGroupId"], Is.EqualTo(item["peerGroup"]?["id"]?.ToString() ?? ""));
        }
    }

    [Test]
    public async Task Csv_NamesMentorsAndMentees_AsThePairingsDo()
    {
        var pairings = await (await Client.GetAsync("/api/v1/pairings?state=09&pageSize=500")).ReadJsonAsync(HttpStatusCode.OK);
        var pair = pairings["items"]!.AsArray().First()!;
        var mentee = pair["mentee"]!.Get<string>("ags");
        var mentor = pair["mentor"]!.Get<string>("ags");

        var (_, rows) = ReadCsv(await Client.GetByteArrayAsync($"/api/v1/export/readiness.csv?district={mentee[..5]}"));

        var menteeRow = rows.Single(r => r["ags"] == mentee);
        Assert.That(menteeRow["mentorAgs"], Is.EqualTo(mentor));
        Assert.That(menteeRow["mentorName"], Is.EqualTo(pair["mentor"]!.Get<string>("name")));
        var mentorRow = rows.Single(r => r["ags"] == mentor);
        Assert.That(mentorRow["menteeAgs"].Split(" | "), Does.Contain(mentee));
    }

    [Test]
    public async Task Csv_EnglishLocale_UsesCommaAndDecimalPoint()
    {
        var bytes = await Client.GetByteArrayAsync("/api/v1/export/readiness.csv?district=09162&locale=en");
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.That(text, Does.StartWith("ags,name,kind,"));

        var (_, rows) = ReadCsv(bytes);
        var munich = rows.Single();
        var readiness = await (await Client.GetAsync("/api/v1/municipalities/09162000/readiness")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.That(Number(munich["score"], CultureInfo.InvariantCulture), Is.EqualTo(readiness.Get<double>("score")));
        Assert.That(munich["districtName"], Does.Contain("München"));
    }

    [Test]
    public async Task Csv_TierFilter_KeepsOnlyThatTier()
    {
        var (_, rows) = ReadCsv(await Client.GetByteArrayAsync("/api/v1/export/readiness.csv?state=09&tier=starting"));

        Assert.That(rows, Is.Not.Empty);
        Assert.That(rows.Select(r => r["tier"]).Distinct(), Is.EqualTo(new[] { "starting" }));
    }

    [Test]
    public async Task Csv_NothingMatches_IsTheHeaderAlone()
    {
        var (header, rows) = ReadCsv(await Client.GetByteArrayAsync("/api/v1/export/readiness.csv?district=09162&tier=starting"));

        Assert.That(header, Is.EqualTo(await DocumentedColumnsAsync()));
        Assert.That(rows, Is.Empty);
    }

    [TestCase("/api/v1/export/readiness.csv?state=9", HttpStatusCode.BadRequest, "state")]
    [TestCase("/api/v1/export/readiness.csv?tier=expert", HttpStatusCode.BadRequest, "tier")]
    [TestCase("/api/v1/export/readiness.csv?locale=fr", HttpStatusCode.BadRequest, "locale")]
    [TestCase("/api/v1/export/readiness.csv?peerGroup=999", HttpStatusCode.BadRequest, "peerGroup")]
    [TestCase("/api/v1/export/readiness.csv?profile=nope", HttpStatusCode.NotFound, null)]
    [TestCase("/api/v1/export/municipalities.geojson?run=999999", HttpStatusCode.NotFound, null)]
    [TestCase("/api/v1/export/municipalities.geojson?district=0918", HttpStatusCode.BadRequest, "district")]
    public async Task Export_BadFilters_AreProblems(string url, HttpStatusCode status, string? field) =>
        await (await Client.GetAsync(url)).ReadProblemAsync(status, field);

    [TestCase("/api/v1/export/readiness.csv?district=09188")]
    [TestCase("/api/v1/export/municipalities.geojson?district=09188")]
    public async Task Export_WithTheRunETag_Is304(string url)
    {
        var first = await Client.GetAsync(url);
        Assert.That(first.Headers.ETag, Is.Not.Null);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await Client.SendAsync(conditional);

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [Test]
    public async Task GeoJson_Bavaria_HasEveryMunicipalityWithAValidBoundaryAroundItsCentre()
    {
        var response = await Client.GetAsync("/api/v1/export/municipalities.geojson?state=09");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/geo+json"));
        Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
        var json = await response.Content.ReadAsStringAsync();
        Assert.That(JsonNode.Parse(json)!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "type", "features" }), "RFC 7946: no crs member");

        var features = JsonSerializer.Deserialize<FeatureCollection>(json, GeoJson)!;

        var baseData = Factory.Services.GetRequiredService<BaseDataCache>();
        var bavaria = baseData.Snapshot.Municipalities.Where(m => m.StateKey == "09").Select(m => m.Ags).ToList();
        Assert.That(bavaria, Has.Count.EqualTo(BavarianMunicipalities));
        var byAgs = features.ToDictionary(f => (string)f.Attributes["ags"]);
        Assert.That(byAgs.Keys, Is.EquivalentTo(bavaria), "every Bavarian municipality, no gemeindefreie Gebiete");
        foreach (var (ags, feature) in byAgs)
        {
            var geometry = feature.Geometry;
            Assert.That(geometry, Is.InstanceOf<Polygon>().Or.InstanceOf<MultiPolygon>(), ags);
            Assert.That(geometry.IsValid, Is.True, $"{ags} is a valid polygon");
            var centre = baseData.Get(ags).Location!.Value;
            Assert.That(geometry.Covers(new Point(centre.Lon, centre.Lat)), Is.True, $"{ags}: longitude first, latitude second");
        }

        var munich = byAgs["09162000"].Attributes;
        Assert.That(munich["name"], Is.EqualTo("München"));
        Assert.That(munich.GetNames(), Is.EqualTo(await DocumentedColumnsAsync()), "the same properties as the CSV columns");
    }

    [Test]
    public async Task GeoJson_OutsideBavaria_HasPointsAtTheCentre_WithTheSameFilters()
    {
        var json = await Client.GetStringAsync("/api/v1/export/municipalities.geojson?state=05&tier=experienced");
        var features = JsonSerializer.Deserialize<FeatureCollection>(json, GeoJson)!;
        var ranking = await (await Client.GetAsync("/api/v1/readiness?state=05&tier=experienced&pageSize=1")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.That(features, Has.Count.EqualTo(ranking.Get<int>("total")).And.Count.GreaterThan(0));
        var baseData = Factory.Services.GetRequiredService<BaseDataCache>();
        foreach (var feature in features)
        {
            var ags = (string)feature.Attributes["ags"];
            Assert.That(feature.Attributes["stateKey"], Is.EqualTo("05"));
            Assert.That(feature.Attributes["tier"], Is.EqualTo("experienced"));
            var point = feature.Geometry as Point;
            Assert.That(point, Is.Not.Null, ags);
            var centre = baseData.Get(ags).Location!.Value;
            Assert.That((point!.X, point.Y), Is.EqualTo((centre.Lon, centre.Lat)), ags);
        }
    }

    private async Task<IReadOnlyList<string>> DocumentedColumnsAsync()
    {
        var document = await (await Client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync(HttpStatusCode.OK);
        return [.. document["components"]!["schemas"]!["ExportRowDto"]!["properties"]!.AsObject().Select(p => p.Key)];
    }

    private static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) ReadCsv(byte[] bytes)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(new MemoryStream(bytes));
        var header = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in header)
            {
                values[name] = row[name].ToString();
            }

            rows.Add(values);
        }

        return (header, rows);
    }

    private static double? Number(string text, CultureInfo culture) =>
        text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, culture);
}
