namespace Readiness.Data;

/// <summary>The wire names of municipality and district kinds, mapped from the official Textkennzeichen.</summary>
public static class Kinds
{
    public static readonly IReadOnlyList<string> Municipality = ["gemeinde", "markt", "stadt", "kreisfreie-stadt"];

    public static readonly IReadOnlyList<string> District = ["landkreis", "kreisfreie-stadt"];

    /// <summary>GV Textkennzeichen → kind. A Große Kreisstadt is a town; a Stadtkreis is Baden-Württemberg's kreisfreie Stadt.</summary>
    public static string ForMunicipality(int typeCode) => typeCode switch
    {
        60 => "markt",
        61 or 62 => "kreisfreie-stadt",
        63 or 67 => "stadt",
        64 => "gemeinde",
        _ => throw new ArgumentOutOfRangeException(nameof(typeCode), typeCode, "Not a municipality type (65/66 are unincorporated areas)."),
    };

    public static string ForDistrict(string officialType) => officialType switch
    {
        "Kreisfreie Stadt" or "Stadtkreis" => "kreisfreie-stadt",
        _ => "landkreis",
    };
}
