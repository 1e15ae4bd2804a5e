using Readiness.Data;

namespace Readiness.Tests.Data;

public sealed class SearchTextTests
{
    [TestCase("munchen")]
    [TestCase("München")]
    [TestCase("MÜNCHEN")]
    [TestCase("muenchen")]
    [TestCase("ünch")]
    public void Key_Contains_FoldedQuery(string query) =>
        Assert.That(SearchText.Key("München"), Does.Contain(SearchText.Fold(query)));

    [TestCase("Weißenburg i.Bay.", "weissenburg")]
    [TestCase("Nußdorf a.Inn", "nussdorf")]
    [TestCase("Bad Tölz", "bad tolz")]
    public void Key_FoldsSharpSAndAccents(string name, string query) =>
        Assert.That(SearchText.Key(name), Does.Contain(SearchText.Fold(query)));

    [Test]
    public void Key_DoesNotMatch_OtherNames() =>
        Assert.That(SearchText.Key("Augsburg"), Does.Not.Contain(SearchText.Fold("munchen")));
}
