namespace Twinning.Module.Features.Admin;

/// <summary>A form value refused, by the resx key of its message (with its arguments) and the form field it concerns.</summary>
public sealed record FormProblem(string Field, string MessageKey, params object[] Arguments);
