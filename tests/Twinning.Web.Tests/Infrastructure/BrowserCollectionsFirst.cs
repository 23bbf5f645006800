using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Twinning.Web.Tests.Infrastructure.BrowserCollectionsFirst", "Twinning.Web.Tests")]

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>
/// Starts the browser test collections before all others. Each runs its classes one after another on one Chromium, so
/// each is the longest chain of the run; started late (the default order is by a hash of the name), they were all that
/// still ran at the end while the machine's other cores sat idle. The other collections keep the default order.
/// </summary>
public sealed class BrowserCollectionsFirst : ITestCollectionOrderer
{
    private static readonly string[] BrowserCollections = [BrowserTestGroup.Name, WorkflowBrowserTestGroup.Name, AdministrationBrowserTestGroup.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
        => testCollections.OrderBy(c => Array.IndexOf(BrowserCollections, c.DisplayName) is var i && i >= 0 ? i : BrowserCollections.Length)
            .ThenBy(c => c.UniqueID);
}
