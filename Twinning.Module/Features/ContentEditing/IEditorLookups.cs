namespace Twinning.Module.Features.ContentEditing;

/// <summary>What the editors offer to choose from: items for pickers, terms of a taxonomy, the site's cultures. The
/// admin implements it (it reads the store); the editors' views only need these answers.</summary>
public interface IEditorLookups
{
    /// <summary>The latest version of each child of a list, drafts included, in list order.</summary>
    Task<IReadOnlyList<EditorChild>> ChildrenAsync(string listContentItemId);

    /// <summary>The latest version of every item of <paramref name="types"/> (every listable type when empty), by title,
    /// with its language when it has one.</summary>
    Task<IReadOnlyList<EditorChoice>> ItemsAsync(IReadOnlyList<string> types);

    /// <summary>The chosen items by id, in the order given, each with its title (the id itself when the item is gone).</summary>
    Task<IReadOnlyList<EditorChoice>> ChosenAsync(IReadOnlyList<string> ids);

    /// <summary>The terms of a taxonomy in their order, nested terms after their parent with a dash per level.</summary>
    Task<IReadOnlyList<EditorChoice>> TermsAsync(string? taxonomyId);

    Task<IReadOnlyList<string>> CulturesAsync();
}

public sealed record EditorChoice(string Id, string Title);

public sealed record EditorChild(string Id, string Title, bool Published);
