using System.Globalization;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;

namespace Readiness.Api.Auth;

/// <summary>
/// <c>keys create|list|revoke</c>: manages API keys on the service's own database, with the
/// service's configuration (<c>Readiness:DataDirectory</c>, <c>ConnectionStrings:Readiness</c>,
/// appsettings, environment, <c>--Section:Key=value</c> arguments). It never starts the web server
/// and works while the service runs: SQLite in WAL mode lets both write, and the service looks keys
/// up per request, so a new or revoked key counts at once.
/// </summary>
internal sealed class KeysCommand(ApiKeyStore keys, TextWriter output, TextWriter error)
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string UsageText =
        """
        Usage:
          keys create --role reader|planner|admin --name "<who holds it>" [--district <5 digits>]...
          keys list
          keys revoke <name or id>

        create prints the new key once, alone on the last line. A planner key with --district may write only
        in those districts (repeat --district or separate keys with commas). Configuration as for the service,
        e.g. --Readiness:DataDirectory=/var/lib/readiness.
        """;

    public static bool Matches(string[] args) => args is ["keys", ..];

    /// <summary>Runs the command with the service's configuration; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (command, configuration) = CommandLine.Split(args[1..]);
        if (command.Verb is null or "help" or "--help")
        {
            // Asking for usage is not a command: exit 2 as for a wrong one, without opening the database.
            output.WriteLine(UsageText);
            return Usage;
        }

        var builder = WebApplication.CreateBuilder(configuration);
        // Only the command's own lines go to standard output, so a script can take the key from the last one.
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<ReadinessOptions>().BindConfiguration(ReadinessOptions.Section).ValidateDataAnnotations();
        builder.Services.AddReadinessData();
        builder.Services.AddSingleton<ApiKeyStore>();
        using var app = builder.Build();
        try
        {
            app.Services.InitializeDatabase();
            return new KeysCommand(app.Services.GetRequiredService<ApiKeyStore>(), output, error).Execute(command);
        }
        catch (Exception exception) when (exception is Microsoft.Extensions.Options.OptionsValidationException or System.Data.Common.DbException or IOException or StartupFailure)
        {
            error.WriteLine($"keys: {exception.Message}");
            return Failed;
        }
    }

    public int Execute(CommandLine command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Verb switch
        {
            "create" => Create(command),
            "list" when command.Positional.Count == 0 => List(),
            "revoke" when command.Positional.Count == 1 => Revoke(command.Positional[0]),
            _ => ShowUsage(command.Verb is null or "help" or "--help" ? null : $"'{string.Join(' ', [command.Verb, .. command.Positional])}' is not a keys command."),
        };
    }

    private int Create(CommandLine command)
    {
        if (!Roles.TryParse(command.Single("role"), out var role))
        {
            return ShowUsage("--role must be reader, planner or admin.");
        }

        var districts = command.All("district").SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        try
        {
            var (key, secret) = keys.Create(command.Single("name") ?? "", role, districts, AuditActor.CommandLine());
            var scope = key.Districts.Count == 0 ? "" : $", limited to district{(key.Districts.Count > 1 ? "s" : "")} {string.Join(", ", key.Districts)}";
            output.WriteLine($"Created API key {key.Id} \"{key.Name}\" with the {Roles.Name(key.Role)} role{scope}.");
            output.WriteLine("Store it now: it is shown only this once. Send it in the X-Api-Key header.");
            output.WriteLine(secret);
            return Ok;
        }
        catch (ArgumentException exception)
        {
            error.WriteLine($"keys create: {exception.Message.Split(" (Parameter")[0]}");
            return Failed;
        }
    }

    private int List()
    {
        var all = keys.List();
        if (all.Count == 0)
        {
            output.WriteLine("No API keys yet. Create one with: keys create --role planner --name \"Landratsamt Starnberg\" --district 09188");
            return Ok;
        }

        string[] header = ["ID", "NAME", "ROLE", "DISTRICTS", "CREATED", "REVOKED", "KEY"];
        var rows = all.Select(k => new[]
        {
            k.Id.ToString(CultureInfo.InvariantCulture), k.Name, Roles.Name(k.Role),
            k.Districts.Count == 0 ? "all" : string.Join(",", k.Districts),
            Time(k.CreatedAt), k.RevokedAt is { } revoked ? Time(revoked) : "-", $"{k.KeyPrefix}…",
        }).ToList();
        var widths = header.Select((h, i) => rows.Max(r => r[i].Length) is var w && w > h.Length ? w : h.Length).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        return Ok;
    }

    private int Revoke(string nameOrId)
    {
        var key = keys.Revoke(nameOrId, AuditActor.CommandLine());
        if (key is null)
        {
            error.WriteLine($"keys revoke: no active key is named or numbered \"{nameOrId}\". See: keys list");
            return Failed;
        }

        output.WriteLine($"Revoked API key {key.Id} \"{key.Name}\" ({key.KeyPrefix}…): requests with it are refused from now on.");
        return Ok;
    }

    private int ShowUsage(string? problem)
    {
        if (problem is not null)
        {
            error.WriteLine($"keys: {problem}");
        }

        (problem is null ? output : error).WriteLine(UsageText);
        return Usage;
    }

    private static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
