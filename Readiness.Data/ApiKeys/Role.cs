namespace Readiness.Data.ApiKeys;

/// <summary>What a key may do; each role includes the ones before it.</summary>
public enum Role
{
    /// <summary>Reads, where reads need a key.</summary>
    Reader = 1,

    /// <summary>Adds assessments, one by one or by import, within the key's districts if it has any.</summary>
    Planner = 2,

    /// <summary>Everything: profiles, runs, the audit log, the job dashboard.</summary>
    Admin = 3,
}

/// <summary>The role names as stored and as typed on the command line.</summary>
public static class Roles
{
    public static string Name(Role role) => role switch
    {
        Role.Reader => "reader",
        Role.Planner => "planner",
        Role.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role."),
    };

    public static bool TryParse(string? name, out Role role)
    {
        role = name?.Trim().ToLowerInvariant() switch
        {
            "reader" => Role.Reader,
            "planner" => Role.Planner,
            "admin" => Role.Admin,
            _ => 0,
        };
        return role != 0;
    }

    public static Role Parse(string name) =>
        TryParse(name, out var role) ? role : throw new FormatException($"'{name}' is not a role: expected reader, planner or admin.");
}
