using System.Globalization;
using Readiness.Api.Auth;
using Readiness.Api.Localization;
using Readiness.Api.Runs;
using Readiness.Data.Decisions;
using Readiness.Scoring.Model;
using static Readiness.Data.Decisions.PairDecisionNames;

namespace Readiness.Api.Decisions;

/// <summary>Which step may follow which, and what a request must carry. docs/decisions.md tells the same for a planner.</summary>
internal static class PairDecisionRules
{
    /// <summary>Allowed next steps per current state ("" = no step yet, the pair is only proposed or a candidate).</summary>
    private static readonly Dictionary<string, string[]> Next = new(StringComparer.Ordinal)
    {
        [""] = [Agreed, Declined, Pinned, Forbidden],
        [Agreed] = [Active, Ended, Declined],
        [Pinned] = [Active, Ended, Declined],
        [Active] = [Ended],
        [Ended] = [Agreed, Pinned, Declined, Forbidden],
        [Declined] = [Agreed, Pinned, Forbidden],
        [Forbidden] = [Pinned, Declined],
    };

    public static readonly string[] Outcomes = ["worked", "partly", "did-not"];

    /// <summary>Field errors of the request's shape; the parsed date when there are none.</summary>
    public static Dictionary<string, string[]> Shape(PairDecisionRequest body, TimeProvider time, out DateOnly date)
    {
        var errors = new Dictionary<string, string[]>();
        date = default;
        if (!AgsFormat.IsAgs(body.Mentee))
        {
            errors["mentee"] = [AgsFormat.AgsMessage(body.Mentee ?? "")];
        }

        if (!AgsFormat.IsAgs(body.Mentor))
        {
            errors["mentor"] = [AgsFormat.AgsMessage(body.Mentor ?? "")];
        }
        else if (body.Mentor == body.Mentee)
        {
            errors["mentor"] = [Texts.Get("Decision.SameMunicipality")];
        }

        if (body.Decision is null || !All.Contains(body.Decision))
        {
            errors["decision"] = [Texts.Format("Problem.OneOf", string.Join(", ", All))];
        }

        if (body.Date is null || !DateOnly.TryParseExact(body.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            errors["date"] = [Texts.Get("Problem.DateRequired")];
        }
        else if (date > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1))
        {
            errors["date"] = [Texts.Get("Decision.FutureDate")];
        }

        if (body.Decision is Declined or Forbidden && string.IsNullOrWhiteSpace(body.Reason))
        {
            errors["reason"] = [Texts.Format("Decision.ReasonNeeded", body.Decision)];
        }

        if ((body.Outcome is not null || body.TopicsTransferred is { Count: > 0 }) && body.Decision != Ended)
        {
            errors["outcome"] = [Texts.Get("Decision.OutcomeOnlyEnded")];
        }
        else if (body.Outcome is not null && !Outcomes.Contains(body.Outcome))
        {
            errors["outcome"] = [Texts.Format("Problem.OneOf", string.Join(", ", Outcomes))];
        }

        if (body.TopicsTransferred?.FirstOrDefault(t => !Structures.All.Contains(t)) is { } unknown)
        {
            errors["topicsTransferred"] = [Texts.Format("Decision.UnknownTopic", unknown)];
        }

        if (body.Note is { Length: > 2000 } || body.Reason is { Length: > 2000 })
        {
            errors[body.Note is { Length: > 2000 } ? "note" : "reason"] = [Texts.Format("Problem.MaxLength", 2000)];
        }

        return errors;
    }

    /// <summary>Null when the step may be taken now; otherwise the problem (400 naming the field, or 409 for the state).</summary>
    public static IResult? Check(PairDecisionRequest body, PublishedRun? run, IReadOnlyList<PairDecisionRecord> currentOfDistrict)
    {
        var (mentee, mentor, decision) = (body.Mentee!, body.Mentor!, body.Decision!);
        var current = currentOfDistrict.FirstOrDefault(d => d.MenteeAgs == mentee && d.MentorAgs == mentor)?.Decision ?? "";
        var proposed = run is not null && run.PairByMentee.TryGetValue(mentee, out var pair) && pair.Pair.MentorAgs == mentor;
        var candidate = run?.Mentee(mentee)?.Candidates.Any(c => c.MentorAgs == mentor) == true;
        if (!Next[current].Contains(decision))
        {
            return Conflict(Texts.Format("Decision.State", mentee, mentor, current == "" ? Texts.Get("Decision.NotDecided") : current, string.Join(", ", Next[current])));
        }

        if (decision == Agreed && current is "" or Ended or Declined && !proposed)
        {
            return Conflict(Texts.Format("Decision.NotProposed", mentor, mentee));
        }

        if (decision == Pinned && !candidate)
        {
            if (string.IsNullOrWhiteSpace(body.Reason))
            {
                return Problems.Invalid("reason", Texts.Get("Decision.PinReason"));
            }

            if (mentee[..5] != mentor[..5])
            {
                return Problems.Invalid("mentor", Texts.Get("Decision.OneDistrict"));
            }
        }

        if (decision is Agreed or Pinned
            && currentOfDistrict.FirstOrDefault(d => d.MenteeAgs == mentee && d.MentorAgs != mentor && IsFixed(d.Decision)) is { } other)
        {
            return Conflict(Texts.Format("Decision.OtherMentor", mentee, other.MentorAgs, other.Decision));
        }

        return null;
    }

    /// <summary>Whether the caller may decide on this pair: both places in the key's districts.</summary>
    public static string? Outside(Caller caller, string mentee, string mentor) =>
        !caller.Covers(mentee) ? mentee : !caller.Covers(mentor) ? mentor : null;

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Texts.Get("Decision.Conflict.Title"), detail: detail);
}
