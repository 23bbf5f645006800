namespace Twinning.Module.Features.Admin;

/// <summary>Messages shown next to the form fields they concern (by the field's <c>id</c>), which the field names in
/// its <c>aria-describedby</c> and marks with <c>aria-invalid</c>.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
        {
            _byField[field] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>Every field's messages, in the order they were added: the error summary's links.</summary>
    public IEnumerable<(string Field, string Message)> All => _byField.Select(e => (e.Key, string.Join(" ", e.Value)));

    public string? For(string field) => _byField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The ids of the field's hint (when it has one) and error message, for <c>aria-describedby</c>.</summary>
    public string? DescribedBy(string field, bool hasHint = false)
    {
        var ids = new List<string>();
        if (hasHint)
        {
            ids.Add(field + "-hint");
        }
        if (_byField.ContainsKey(field))
        {
            ids.Add(field + "-error");
        }
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public string? Invalid(string field) => _byField.ContainsKey(field) ? "true" : null;
}

/// <summary>An input drawn by <c>Shared/_Field.cshtml</c>. <paramref name="Value"/> is never given for passwords.</summary>
public sealed record Field(string Id, string Label, FieldErrors Errors, string Type = "text", string? Autocomplete = null,
    string? Hint = null, string? Value = null, bool Required = true);
