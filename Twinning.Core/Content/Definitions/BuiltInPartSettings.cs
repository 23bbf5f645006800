namespace Twinning.Core.Content.Definitions;

public sealed class TitlePartSettings
{
    /// <summary>Orchard's TitlePartOptions: 0 Editable, 1 GeneratedDisabled, 2 GeneratedHidden, 3 EditableRequired.</summary>
    public int Options { get; set; }
}

public sealed class BagPartSettings
{
    public List<string> ContainedContentTypes { get; set; } = [];
}

public sealed class ListPartSettings
{
    public int PageSize { get; set; } = 10;
    public List<string> ContainedContentTypes { get; set; } = [];
}
