namespace Readiness.Api.Infrastructure;

/// <summary>
/// A command's words: a verb, positional arguments and <c>--option value</c> pairs. Arguments that
/// name a configuration key (<c>--Readiness:DataDirectory=/x</c>, with a colon) are set aside for
/// the configuration, as the service itself would read them.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.OrdinalIgnoreCase);

    public string? Verb { get; private set; }

    public List<string> Positional { get; } = [];

    public string? Single(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var values) ? values : [];

    public static (CommandLine Command, string[] Configuration) Split(string[] args)
    {
        var command = new CommandLine();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var equals = arg.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? arg[2..] : arg[2..equals];
                var value = equals >= 0 ? arg[(equals + 1)..] : i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
                if (name.Contains(':', StringComparison.Ordinal))
                {
                    configuration.Add($"--{name}={value}");
                }
                else if (name is "help")
                {
                    command.Verb ??= "help";
                }
                else
                {
                    (command.options.TryGetValue(name, out var list) ? list : command.options[name] = []).Add(value);
                }
            }
            else if (command.Verb is null)
            {
                command.Verb = arg;
            }
            else
            {
                command.Positional.Add(arg);
            }
        }

        return (command, [.. configuration]);
    }
}
