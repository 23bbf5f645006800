using Twinning.Module.Features.ContentEditing;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Admin.Content;

/// <summary>
/// The content list's term filter choices (every taxonomy's terms under its title), read once per state of the site
/// (<see cref="SiteChangeToken"/>): the list shows them on every request, and reading every taxonomy each time was a
/// tenth of a list page's work. Every content write changes the state, so a kept list is never older than the site.
/// </summary>
public sealed class TermFilterChoices(SiteChangeToken changes)
{
    private volatile Kept? _kept;

    public async Task<IReadOnlyList<(string Taxonomy, IReadOnlyList<EditorChoice> Terms)>> GetAsync(
        Func<Task<IReadOnlyList<(string Taxonomy, IReadOnlyList<EditorChoice> Terms)>>> read, CancellationToken cancellationToken)
    {
        // The state is read before the taxonomies: a write committed meanwhile makes a newer state, so what is kept
        // under this one is at least as new as it.
        var state = await changes.GetAsync(cancellationToken);
        if (_kept is { } kept && kept.State == state)
        {
            return kept.Groups;
        }
        var groups = await read();
        _kept = new Kept(state, groups);
        return groups;
    }

    private sealed record Kept(long State, IReadOnlyList<(string Taxonomy, IReadOnlyList<EditorChoice> Terms)> Groups);
}
