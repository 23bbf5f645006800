namespace Twinning.Module.Features.Admin;

/// <summary>
/// The pages of an admin list as <c>Shared/_Pager.cshtml</c> shows them: a navigation landmark with First / Previous,
/// the page numbers around the current one (it marked
/// <c>aria-current="page"</c>), Next / Last, and "Page n of m". Nothing is shown for a single page.
/// </summary>
/// <param name="Label">The landmark's name ("Pages", "Pages of versions").</param>
/// <param name="Number">The page shown, from 1.</param>
/// <param name="Count">How many pages there are.</param>
/// <param name="UrlOf">The list's address at a page, with the rest of its state (filters) kept.</param>
/// <param name="CountIsExact">False when the list was counted only up to a limit: "Page n of more than m".</param>
public sealed record AdminPager(string Label, int Number, int Count, Func<int, string> UrlOf, bool CountIsExact = true)
{
    /// <summary>The numbered pages linked: two either side of the current one, within the list.</summary>
    public IEnumerable<int> Nearby
    {
        get
        {
            var first = Math.Max(1, Number - 2);
            return Enumerable.Range(first, Math.Min(Count, Number + 2) - first + 1);
        }
    }
}
