namespace Readiness.Api.OpenApi;

/// <summary>The attribution lines the data licences require (from seed-data/SOURCES.md).</summary>
internal static class Attribution
{
    public static readonly IReadOnlyList<string> Lines =
    [
        "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Gebietsstand 31.12.2024 (4. Quartal), 2025 (im Auftrag der Herausgebergemeinschaft Statistische Ämter des Bundes und der Länder), Datenlizenz Deutschland – Namensnennung – 2.0",
        "Statistische Ämter des Bundes und der Länder, Zensus 2022 (Regionaltabellen), dl-de/by-2-0; aufbereitet durch GERDA (Heddesheimer, Hilbig, Sichart, Wiedemann)",
        "Bundesinstitut für Bau-, Stadt- und Raumforschung (BBSR), INKAR; aufbereitet durch GERDA",
        "© GeoBasis-DE / BKG 2016 (Daten verändert), dl-de/by-2-0",
    ];
}
