using System.Text.Json;

namespace Readiness.Benchmarks.Runs;

/// <summary>One stage of one measured run.</summary>
internal sealed record StageFigure(string Stage, double Seconds, double PeakMb, double AllocatedMb);

/// <summary>One measured run: as the executor recorded it, with memory from the stage probe.</summary>
internal sealed record RunMeasurement(
    string Size, int Municipalities, bool Cold, string Status, string? Error, double TotalSeconds, double PeakMb,
    IReadOnlyList<StageFigure> Stages);

/// <summary>Every run of one <c>run</c> command, as JSON next to the other results (the growth table reads it).</summary>
internal sealed record RunResults(string Size, string Machine, string LoadBefore, string LoadAfter, DateTimeOffset At, IReadOnlyList<RunMeasurement> Runs)
{
    /// <summary><c>sqlite</c> or <c>postgres</c>; absent in results written before issue 19 (SQLite).</summary>
    public string? Provider { get; init; }

    public static readonly JsonSerializerOptions Json = Infrastructure.ResultFiles.Json;

    /// <summary>The results file of a size on a provider (<c>run-germany.json</c>, <c>run-germany-postgres.json</c>).</summary>
    public static string NameFor(string size, string? provider = null) => $"run-{size}{(provider is null or "sqlite" ? "" : $"-{provider}")}";

    public void Save() => Infrastructure.ResultFiles.Save(NameFor(Size, Provider), this);

    public static RunResults? Load(string size, string? provider = null) => Infrastructure.ResultFiles.Load<RunResults>(NameFor(size, provider));
}
