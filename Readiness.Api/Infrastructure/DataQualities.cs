namespace Readiness.Api.Infrastructure;

/// <summary>What an answer rests on.</summary>
public enum DataQualityDto
{
    /// <summary>Reported in the district's survey.</summary>
    Surveyed,

    /// <summary>Generated from the base data so the service can be tried; not survey data.</summary>
    Illustrative,

    /// <summary>No assessment at all.</summary>
    Missing,

    /// <summary>An aggregate over surveyed and illustrative (or missing) assessments.</summary>
    Mixed,
}

/// <summary>The data quality of an aggregate: one quality when all parts share it, <c>mixed</c> otherwise.</summary>
internal static class DataQualities
{
    public static DataQualityDto Of(IEnumerable<string> qualities)
    {
        var distinct = qualities.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? Parse(distinct[0]) : DataQualityDto.Mixed;
    }

    /// <summary>The one parser of stored data-quality text (surveyed, illustrative, missing, mixed).</summary>
    public static DataQualityDto Parse(string quality) => Enum.Parse<DataQualityDto>(quality, ignoreCase: true);
}
