using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Api.Infrastructure;
using Readiness.Data;
using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Hardening;

public sealed class BackupCommandTests
{
    [Test]
    public void Backup_CopiesTheDatabase_OwnerOnly_AndTheCopyChecksOut()
    {
        var directory = SeededDatabase.NewDirectory();
        try
        {
            SeededDatabase.CopyInto(directory);
            var target = Path.Combine(directory, "copy.db");
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = BackupCommand.Run(["backup", target, $"--Readiness:DataDirectory={directory}"], output, error);

            Assert.That(code, Is.EqualTo(BackupCommand.Ok), error.ToString());
            Assert.That(SqliteFileCheck.Problem(target), Is.Null);
            using var copy = Database.ForFile(target).Open();
            Assert.That(copy.ExecuteScalar<long>("SELECT count(*) FROM municipalities"), Is.EqualTo(10_752));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(target), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }

            Assert.That(BackupCommand.Run(["backup", target, $"--Readiness:DataDirectory={directory}"], TextWriter.Null, TextWriter.Null), Is.EqualTo(BackupCommand.Failed), "never overwrites");
            Assert.That(BackupCommand.Run(["backup"], TextWriter.Null, TextWriter.Null), Is.EqualTo(BackupCommand.Usage));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
