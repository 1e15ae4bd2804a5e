using Readiness.Api.Localization;
using Readiness.Scoring.Model;

namespace Readiness.Api.Runs;

/// <summary>The state and district filters the result lists share, checked against the run's base data.</summary>
internal static class AreaFilters
{
    public static void Check(string? state, string? district, BaseDataCache? baseData, Dictionary<string, string[]> errors)
    {
        if (state is not null && (!AgsFormat.IsStateKey(state) || (baseData is not null && !baseData.Snapshot.Municipalities.Any(m => m.StateKey == state))))
        {
            errors["state"] = [StateMessage(state)];
        }

        if (district is not null && (!AgsFormat.IsDistrictKey(district) || (baseData is not null && !baseData.Snapshot.Municipalities.Any(m => m.DistrictKey == district))))
        {
            errors["district"] = [DistrictMessage(district)];
        }
    }

    /// <summary>One page of a run's results whose municipality (<paramref name="agsOf"/>) lies in the state and district asked for.</summary>
    public static Results<Ok<Paged<TDto>>, StatusCodeHttpResult, ValidationProblem, ProblemHttpResult> Page<T, TDto>(
        PublishedRun run, string? state, string? district, PageQuery paging, IEnumerable<T> items, Func<T, string> agsOf, Func<T, TDto> map)
    {
        var errors = new Dictionary<string, string[]>();
        var (page, size) = Paging.Validate(paging.Page, paging.PageSize, errors);
        Check(state, district, run.BaseData, errors);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var matching = items.Where(item => Matches(run.BaseData.Get(agsOf(item)), state, district)).ToList();
        return TypedResults.Ok(new Paged<TDto>([.. matching.Skip((page - 1) * size).Take(size).Select(map)], page, size, matching.Count));
    }

    public static bool Matches(MunicipalityFacts facts, string? state, string? district) =>
        (state is null || facts.StateKey == state) && (district is null || facts.DistrictKey == district);

    public static string StateMessage(string state) => Texts.Format("Problem.StateKey", state);

    public static string DistrictMessage(string district) => Texts.Format("Problem.DistrictFilter", district);
}
