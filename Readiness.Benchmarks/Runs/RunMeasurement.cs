using System.Text.Json;
using System.Text.Json.Serialization;

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
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string PathFor(string size) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(Infrastructure.Repository.WorkFolder, "results")).FullName, $"run-{size}.json");

    public void Save() => File.WriteAllText(PathFor(Size), JsonSerializer.Serialize(this, Json));

    public static RunResults? Load(string size) =>
        File.Exists(PathFor(size)) ? JsonSerializer.Deserialize<RunResults>(File.ReadAllText(PathFor(size)), Json) : null;
}
