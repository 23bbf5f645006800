using Microsoft.AspNetCore.Http;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Audit;

/// <summary>
/// The site-wide audit log: who did what, when, to what and from where. An entry is added to the change being saved,
/// not written on its own: call <see cref="Record"/> just before the <c>SaveChangesAsync</c> of the scope's
/// <see cref="TwinningDbContext"/> that stores the change (or anywhere inside the transaction that does). The entry
/// is then written by that save, in its transaction: a change that is rolled back leaves no entry, and a committed
/// change always has one. Never put a secret or a password in <c>detail</c>: the log is shown to administrators.
/// </summary>
/// <example><c>audit.Record(AuditActions.RoleCreated, target: role.Name);</c> then the store's own save.</example>
public interface IAuditLog
{
    /// <param name="action">What happened: one of <see cref="AuditActions"/>, or a feature's own name (at most 32
    /// characters; the page shows <c>Audit.Action.{action}</c> from the admin texts, or the name itself).</param>
    /// <param name="target">What it happened to: a user or role name, a client id, a subscription's name.</param>
    /// <param name="detail">A short description for the reader (at most 1024 characters, never a secret).</param>
    /// <param name="userName">Who did it, when it is not the request's signed-in user (a recipe, the command line,
    /// a sign-in).</param>
    void Record(string action, string? target = null, string? detail = null, string? userName = null);

    /// <summary>A content item's change, with the version and type it concerns.</summary>
    void RecordContent(string action, string contentItemId, string? contentItemVersionId, string contentType, string? userName);
}

/// <summary>The actions Twinning records. Content actions keep the names they were stored with before the log covered
/// more than content.</summary>
public static class AuditActions
{
    public const string ContentCreated = "Created";
    public const string ContentSaved = "Saved";
    public const string ContentPublished = "Published";
    public const string ContentUnpublished = "Unpublished";
    public const string ContentRemoved = "Removed";

    /// <summary>A list's children put in a new order (<c>ContentManager.SetListOrderAsync</c>): one entry per version rewritten.</summary>
    public const string ContentReordered = "Reordered";

    public const string SignedIn = "SignedIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string PasswordChanged = "PasswordChanged";
    public const string TwoFactorEnabled = "TwoFactorEnabled";
    public const string TwoFactorDisabled = "TwoFactorDisabled";

    public const string UserCreated = "UserCreated";
    public const string UserDisabled = "UserDisabled";
    public const string UserEnabled = "UserEnabled";
    public const string UserPasswordReset = "UserPasswordReset";
    public const string UserTwoFactorReset = "UserTwoFactorReset";

    public const string RoleCreated = "RoleCreated";
    public const string RolePermissionsChanged = "RolePermissionsChanged";
    public const string RoleDeleted = "RoleDeleted";

    public const string ApiClientCreated = "ApiClientCreated";
    public const string ApiClientSecretRotated = "ApiClientSecretRotated";
    public const string ApiClientRevoked = "ApiClientRevoked";

    public const string WebhookSubscriptionCreated = "WebhookSubscriptionCreated";
    public const string WebhookSubscriptionChanged = "WebhookSubscriptionChanged";
    public const string SiteSettingsChanged = "SiteSettingsChanged";

    public const string ContentScheduled = "Scheduled";
    public const string ContentScheduleCancelled = "ScheduleCancelled";
    public const string ContentScheduleRefused = "ScheduleRefused";

    public const string ReviewRequested = "ReviewRequested";
    public const string ReviewEnded = "ReviewEnded";

    /// <summary>In the order the page's action filter offers them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ContentCreated, ContentSaved, ContentPublished, ContentUnpublished, ContentRemoved, ContentReordered,
        SignedIn, SignInFailed, LockedOut, PasswordChanged, TwoFactorEnabled, TwoFactorDisabled,
        UserCreated, UserDisabled, UserEnabled, UserPasswordReset, UserTwoFactorReset,
        RoleCreated, RolePermissionsChanged, RoleDeleted,
        ApiClientCreated, ApiClientSecretRotated, ApiClientRevoked,
        WebhookSubscriptionCreated, WebhookSubscriptionChanged, SiteSettingsChanged,
        ContentScheduled, ContentScheduleCancelled, ContentScheduleRefused,
        ReviewRequested, ReviewEnded,
    ];
}

/// <summary>Adds entries to the scope's <see cref="TwinningDbContext"/>, with the request's user and its client
/// address: the connection's, which the forwarded-headers middleware has replaced only for a configured proxy, so a
/// forged <c>X-Forwarded-For</c> never reaches the log.</summary>
public sealed class AuditLog(TwinningDbContext db, IHttpContextAccessor http, TimeProvider clock) : IAuditLog
{
    public void Record(string action, string? target = null, string? detail = null, string? userName = null)
        => Add(new AuditEntryRecord { Action = action, Target = Clip(target, AuditEntryRecord.TargetLength), Detail = Clip(detail, AuditEntryRecord.DetailLength) }, userName);

    public void RecordContent(string action, string contentItemId, string? contentItemVersionId, string contentType, string? userName)
        => Add(new AuditEntryRecord { Action = action, ContentItemId = contentItemId, ContentItemVersionId = contentItemVersionId, ContentType = contentType }, userName);

    /// <summary>The column's length: a longer name fails here, on every provider, rather than only on PostgreSQL.</summary>
    public const int MaxActionLength = 32;

    private void Add(AuditEntryRecord entry, string? userName)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entry.Action.Length, MaxActionLength, "action");
        var context = http.HttpContext;
        var now = clock.GetUtcNow().UtcDateTime;
        // Whole milliseconds, as content dates: both providers give back the value stored.
        entry.Utc = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        // The cookie's name claim: the pages' users. Token callers (the API) pass the name they write as Author.
        entry.UserName = Clip(userName ?? (context?.User.Identity is { IsAuthenticated: true } identity ? identity.Name : null), AuditEntryRecord.TargetLength);
        entry.Address = context?.Connection.RemoteIpAddress?.ToString();
        db.AuditEntries.Add(entry);
    }

    private static string? Clip(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
}
