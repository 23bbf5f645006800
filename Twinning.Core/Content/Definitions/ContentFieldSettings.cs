namespace Twinning.Core.Content.Definitions;

// Field settings as Orchard Core names and stores them (settings object keyed by class name).

public sealed class TextFieldSettings
{
    public string? Hint { get; set; }
    public bool Required { get; set; }
}

public sealed class ListValueOption
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}

public sealed class TextFieldPredefinedListEditorSettings
{
    public List<ListValueOption> Options { get; set; } = [];
    public string? DefaultValue { get; set; }
}

public sealed class NumericFieldSettings
{
    public bool Required { get; set; }
    public int Scale { get; set; }
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }
}

/// <summary>Date, date-time, time, geo-point and HTML fields share the one setting we enforce.</summary>
public sealed class RequiredFieldSettings
{
    public bool Required { get; set; }
}

public sealed class MediaFieldSettings
{
    public bool Required { get; set; }
    public bool Multiple { get; set; }
    public bool AllowMediaText { get; set; }
    public bool AllowAnchors { get; set; }
}

/// <summary>Twinning's own settings of a media field, kept beside Orchard Core's <see cref="MediaFieldSettings"/> under
/// their own key (Orchard Core keeps settings it does not know): <see cref="Required"/> asks every image to have an
/// alternative text unless it is marked decorative (<see cref="MediaAltText"/>).</summary>
public sealed class MediaFieldAltTextSettings
{
    public bool Required { get; set; }
}

public sealed class ContentPickerFieldSettings
{
    public bool Required { get; set; }
    public bool Multiple { get; set; }
    public bool DisplayAllContentTypes { get; set; }
    public List<string> DisplayedContentTypes { get; set; } = [];
}

public sealed class TaxonomyFieldSettings
{
    public bool Required { get; set; }
    public string? TaxonomyContentItemId { get; set; }
    public bool Unique { get; set; }
    public bool LeavesOnly { get; set; }
}

public sealed class MultiTextFieldSettings
{
    public bool Required { get; set; }
    public List<ListValueOption> Options { get; set; } = [];
}
