using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Readiness.Api.Infrastructure;

/// <summary>
/// The <c>Readiness:Database</c> section: which store the service runs on. SQLite (the default) is one file
/// under the data folder; PostgreSQL is shared by several API instances and workers and takes its
/// Npgsql connection string from <c>ConnectionStrings:Readiness</c>.
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Readiness:Database";

    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    [Required]
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Readiness:Database:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Bound from <c>ConnectionStrings:Readiness</c>, not from this section.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider == "postgres";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Readiness:Database:Provider 'postgres' needs ConnectionStrings:Readiness, e.g. 'Host=db;Database=readiness;Username=readiness;Password=…'.",
                [nameof(ConnectionString)]);
            yield break;
        }

        string? problem = null;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            {
                problem = "ConnectionStrings:Readiness names no Host or no Database.";
            }
        }
        catch (ArgumentException exception)
        {
            problem = $"ConnectionStrings:Readiness is not an Npgsql connection string: {exception.Message}";
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem, [nameof(ConnectionString)]);
        }
    }
}
