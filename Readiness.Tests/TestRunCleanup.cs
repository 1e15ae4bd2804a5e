using Readiness.Tests.Support;

namespace Readiness.Tests;

/// <summary>Drops what this test run created on the PostgreSQL server and removes its folders.</summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void CleanUp()
    {
        TestPostgres.DropTemplates();
        SeededDatabase.DeleteDirectories();
    }
}
