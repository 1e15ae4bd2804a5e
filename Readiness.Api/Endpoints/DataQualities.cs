namespace Readiness.Api.Endpoints;

/// <summary>The data quality of an aggregate: one quality when all parts share it, <c>mixed</c> otherwise.</summary>
internal static class DataQualities
{
    public static DataQualityDto Of(IEnumerable<string> qualities)
    {
        var distinct = qualities.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? Parse(distinct[0]) : DataQualityDto.Mixed;
    }

    public static DataQualityDto Parse(string quality) => Enum.Parse<DataQualityDto>(quality, ignoreCase: true);
}
