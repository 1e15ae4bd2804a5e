using System.Globalization;

namespace Readiness.Benchmarks.Infrastructure;

/// <summary>A command and its <c>--name value</c> options.</summary>
internal sealed class Args
{
    private readonly Dictionary<string, List<string>> options = new(StringComparer.OrdinalIgnoreCase);

    private Args(string command, IReadOnlyList<string> rest)
    {
        Command = command;
        Rest = rest;
    }

    public string Command { get; }

    /// <summary>Everything after the command, as given (handed to BenchmarkDotNet by <c>algorithms</c>).</summary>
    public IReadOnlyList<string> Rest { get; }

    public static Args Parse(string[] args)
    {
        var command = args.Length == 0 ? "help" : args[0];
        var parsed = new Args(command, args.Skip(1).ToList());
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            if (!parsed.options.TryGetValue(name, out var values))
            {
                parsed.options[name] = values = [];
            }

            values.Add(value);
        }

        return parsed;
    }

    public string? Text(string name) => options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => options.TryGetValue(name, out var values) ? values : [];

    public int Int(string name, int fallback) =>
        Text(name) is { } text ? int.Parse(text.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => Text(name) is { } text && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
}
