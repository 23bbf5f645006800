namespace Twinning.Module.Features.Admin;

/// <summary>What an admin action came to, shown at the top of the page (<c>Shared/_Notices.cshtml</c>): a status
/// message, or an alert when it failed.</summary>
public sealed record AdminNotice(string Text, bool IsError = false);
