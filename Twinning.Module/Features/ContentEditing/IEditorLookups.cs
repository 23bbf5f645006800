namespace Twinning.Module.Features.ContentEditing;

/// <summary>What the editors offer to choose from: items for pickers, terms of a taxonomy, the site's cultures. The
/// admin implements it (it reads the store); the editors' views only need these answers.</summary>
public interface IEditorLookups
{
    /// <summary>The latest version of the first <paramref name="take"/> children of a list, drafts included, in list
    /// order, and how many children it has.</summary>
    Task<EditorChildren> ChildrenAsync(string listContentItemId, int take);

    /// <summary>The chosen items by id, in the order given, each with its title (the id itself when the item is gone),
    /// looked up at once: an editor never lists every item it could choose from.</summary>
    Task<IReadOnlyList<EditorChoice>> ChosenAsync(IReadOnlyList<string> ids);

    /// <summary>The terms of a taxonomy in their order, nested terms after their parent with a dash per level.</summary>
    Task<IReadOnlyList<EditorChoice>> TermsAsync(string? taxonomyId);

    Task<IReadOnlyList<string>> CulturesAsync();
}

public sealed record EditorChoice(string Id, string Title);

public sealed record EditorChild(string Id, string Title, bool Published);

public sealed record EditorChildren(IReadOnlyList<EditorChild> Items, int Total);
