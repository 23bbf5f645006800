using System.Text.Json.Nodes;
using Twinning.Core.Content.Definitions;
using Twinning.Module.Features.Validation;

namespace Twinning.Module.Features.ContentFields;

/// <summary>
/// Checks one field value against its type's JSON shape and the settings of its definition, through the field
/// type's own handler in <see cref="ContentFieldTypes"/> (Features/ContentFields/&lt;FieldType&gt;/).
/// </summary>
public sealed class ContentFieldValidator(HtmlSanitizerService sanitizer)
{
    public async Task ValidateAsync(ContentPartFieldDefinition definition, JsonObject? field, string path, ValidationScope scope)
    {
        var label = definition.Settings.Get<ContentPartFieldSettings>().DisplayName ?? definition.Name;
        var type = ContentFieldTypes.Validation(definition.FieldName);
        field ??= [];
        // Other members are kept as data, as Orchard Core keeps them; see MemberNames for those in another case.
        foreach (var (key, _) in field)
        {
            if (MemberNames.CaseVariantOf(key, type?.Members ?? []) is { } meant)
            {
                scope.Fail($"{path}.{key}", "Field.MemberCase", ("field", label), ("member", key), ("meant", meant));
            }
        }
        if (type is null)
        {
            scope.Fail(path, "Field.UnknownType", ("type", definition.FieldName));
            return;
        }
        await type.ValidateAsync(new FieldValidation(field, definition.Settings, label, path, scope, sanitizer));
    }
}
