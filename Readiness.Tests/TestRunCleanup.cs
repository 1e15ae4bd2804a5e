using Readiness.Tests.Support;

namespace Readiness.Tests;

/// <summary>Drops what this test run created on the PostgreSQL server.</summary>
[SetUpFixture]
public sealed class TestRunCleanup
{
    [OneTimeTearDown]
    public void DropPostgresTemplates() => TestPostgres.DropTemplates();
}
