using System.ComponentModel.DataAnnotations;

namespace Readiness.Api;

/// <summary>The <c>Readiness</c> configuration section.</summary>
public sealed class ReadinessOptions
{
    public const string Section = "Readiness";

    /// <summary>Folder for the database and other state; relative paths are under the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Folder holding the seed files; by default the copy shipped next to the binaries.</summary>
    public string? SeedDirectory { get; set; }

    /// <summary>The seed folder as an absolute path: the configured one under the content root, or the copy next to the binaries.</summary>
    public string ResolveSeedDirectory(string contentRootPath) => SeedDirectory is { Length: > 0 } configured
        ? Path.GetFullPath(configured, contentRootPath)
        : Path.Combine(AppContext.BaseDirectory, "seed-data");
}
