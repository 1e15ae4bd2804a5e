using Readiness.Tests.Support;

namespace Readiness.Tests.Api.Results;

/// <summary>One app over a database with a published run, shared by the read-only tests of a fixture.</summary>
public abstract class ResultsFixture
{
    private protected ReadinessFactory Factory { get; private set; } = null!;

    private protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartApp()
    {
        Factory = new ReadinessFactory();
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
