using System.Runtime.InteropServices;

namespace Readiness.Api.Infrastructure;

/// <summary>
/// Caps glibc's malloc arenas at two, as <c>MALLOC_ARENA_MAX=2</c> would. glibc gives threads that allocate at the same
/// time arenas of their own (up to eight per core) and hands little of them back: with runs computing beside the
/// request threads, the service's resident size grew by a tenth over its first runs, all of it outside the managed
/// heap; capped, it stayed within 10 % (+4.9 to +8.0 %; docs/benchmarks.md, "Soak"). An operator's own <c>MALLOC_ARENA_MAX</c> wins.
/// </summary>
internal static class MallocArenas
{
    private const int ArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    public static void Limit(int arenas = 2)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = MallOpt(ArenaMax, arenas);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has no arenas to cap): nothing to do.
        }
    }

    // Plain int signatures need no marshalling; DllImport keeps the project free of unsafe code.
    [DllImport("libc", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);
}
