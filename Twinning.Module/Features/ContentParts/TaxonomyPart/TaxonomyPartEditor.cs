using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.ContentEditing;

namespace Twinning.Module.Features.ContentParts.TaxonomyPart;

/// <summary>
/// A taxonomy's terms (<c>Terms</c>), edited as every part holding items is (<see cref="HeldItemsEditor"/>): each term
/// with its type's editors (its title), added as a new item of <c>TermContentType</c>, removed, moved. Only the top
/// level is edited: a term's child terms are kept as stored. A new taxonomy without a term type may take any type
/// that is not created on its own; its first term's type becomes the taxonomy's. A save that removes a term content
/// still uses is refused (<see cref="TaxonomyPartType"/>): the term is shown again, without its editors and kept as
/// stored, with the refusal beside it.
/// </summary>
public sealed class TaxonomyPartEditor : HeldItemsEditor
{
    public override string PartName => "TaxonomyPart";
    public override string View => "/Features/ContentParts/TaxonomyPart/TaxonomyPartEditor.cshtml";

    protected override string Member => TaxonomyPartType.Terms;

    protected override IReadOnlyList<string> AllowedTypes(JsonObject settings, JsonObject? value, ContentDefinitionDocument definitions)
        => Text(value?[TaxonomyPartType.TermContentType]) is { } termType
            ? [termType]
            : [.. definitions.ContentTypeDefinitionRecords.Where(t => !t.TypeSettings.Creatable).Select(t => t.Name)];

    /// <summary>The terms, and the term type as stored or, for a new taxonomy, the type of its first term.</summary>
    protected override JsonObject Value(EditorForm form, List<JsonObject> items)
    {
        var value = base.Value(form, items);
        if ((Text(form.Stored?[TaxonomyPartType.TermContentType]) ?? items.Select(i => Text(i["ContentType"])).FirstOrDefault()) is { } termType)
        {
            value[TaxonomyPartType.TermContentType] = termType;
        }
        return value;
    }

    /// <summary>The terms a refused save would have removed, not among those shown: after them, named as the refusal
    /// names them.</summary>
    protected override IEnumerable<(JsonObject Item, string Error)> KeptItems(EditorModel model)
        => RefusedRemovals(model).Select(e => (new JsonObject
        {
            ["ContentItemId"] = e.Problem.Arguments.GetValueOrDefault("id")?.ToString(),
            ["ContentType"] = Text(model.Value[TaxonomyPartType.TermContentType]),
            ["DisplayText"] = e.Problem.Arguments.GetValueOrDefault("term")?.ToString(),
        }, model.Context!.MessageOf(e)));

    private IEnumerable<Core.Rules.ContentValidationError> RefusedRemovals(EditorModel model)
    {
        var shown = HeldItems.In(model.Value, Member).Select(t => Text(t["ContentItemId"])).ToHashSet(StringComparer.Ordinal);
        return (model.Context?.Errors ?? []).Where(e => e.Problem.Key == TaxonomyPartType.TermInUse && EditorContext.Owns(model.Name, e.Field)
            && !shown.Contains(e.Problem.Arguments.GetValueOrDefault("id")?.ToString()));
    }

    /// <summary>Besides the terms' editors, one per refused removal, which shows its error beside the term and takes the
    /// error summary's link there. First, so that a term's own editors, more precise, answer for the errors inside them.</summary>
    public override IReadOnlyList<EditorModel> Inner(EditorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var items = Items(model);
        var kept = items.Where(i => i.Kept).Select(i => new EditorModel(model.Name + "." + Member, model.Label, null, [], model.Settings, [], model.Zone, model.Localizer, model.Context)
        {
            Place = i.Legend,
            InputErrors = [new InputError(model.Name + "." + Member, i.Id, i.Error!)],
        });
        return [.. kept, .. items.SelectMany(i => i.Slots).Select(s => s.Model)];
    }
}
