namespace Twinning.Module.Features.Storage;

/// <summary>One version of a content item: the whole item JSON plus the columns queries filter and sort on,
/// all rewritten in the same transaction as the JSON so queries never parse it.</summary>
public sealed class ContentItemVersionRecord
{
    public long Id { get; set; }
    public string ContentItemId { get; set; } = "";
    public string ContentItemVersionId { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string? DisplayText { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }
    public DateTime? ModifiedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime? CreatedUtc { get; set; }
    public string? Owner { get; set; }
    public string? Author { get; set; }

    // Index columns, one value per version (LocalizationPart, ContainedPart, AutoroutePart).
    public string? Culture { get; set; }
    public string? LocalizationSet { get; set; }
    public string? ListContentItemId { get; set; }
    public int? ListOrder { get; set; }
    public string? Path { get; set; }

    /// <summary>The item in Orchard's JSON shape (jsonb on PostgreSQL, text on SQLite).</summary>
    public string Content { get; set; } = "";

    public List<ContentReferenceRecord> References { get; set; } = [];

    public List<ContentMediaReferenceRecord> MediaReferences { get; set; } = [];
}

/// <summary>One content-picker or taxonomy reference held by a version, for reverse lookups
/// ("the forums this partner city took part in").</summary>
public sealed class ContentReferenceRecord
{
    public long Id { get; set; }
    public long ContentItemVersionRecordId { get; set; }
    public string SourceContentItemId { get; set; } = "";
    public string FieldPath { get; set; } = "";
    public string TargetContentItemId { get; set; } = "";
    public int Position { get; set; }
}

/// <summary>One media library file a version uses through a MediaField, so that the library can refuse to
/// delete or move a file that published or draft content still shows.</summary>
public sealed class ContentMediaReferenceRecord
{
    /// <summary>As long as a library path may be, so every path a MediaField holds is indexed.</summary>
    public const int MaxPathLength = Twinning.Core.Content.MediaPaths.MaxLength;

    public long Id { get; set; }
    public long ContentItemVersionRecordId { get; set; }
    public string FieldPath { get; set; } = "";
    public string MediaPath { get; set; } = "";
}

/// <summary>A site-wide document (content definitions, site settings, roles, media profiles), versioned
/// so that caches keyed on the version notice every change.</summary>
public sealed class DocumentRecord
{
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public string Content { get; set; } = "";
}

public sealed class UserRecord
{
    public string Id { get; set; } = "";
    public string UserName { get; set; } = "";
    public string NormalizedUserName { get; set; } = "";
    public string? Email { get; set; }
    public string PasswordHash { get; set; } = "";
    public string SecurityStamp { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>Failed sign-ins since the last successful one or the last lockout.</summary>
    public int AccessFailedCount { get; set; }

    /// <summary>Until when (UTC) sign-in is refused after too many failures; null or past when not locked out.</summary>
    public DateTime? LockoutEnd { get; set; }

    /// <summary>The password was set by someone else (an administrator, the command line): the user must choose
    /// their own before doing anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled user cannot sign in, and their existing sessions end at their next request.</summary>
    public bool Disabled { get; set; }

    /// <summary>The authenticator app's shared key (Base32); kept while being set up, used once
    /// <see cref="TwoFactorEnabled"/>.</summary>
    public string? AuthenticatorKey { get; set; }

    /// <summary>Sign-in asks for a code from the authenticator app after the password.</summary>
    public bool TwoFactorEnabled { get; set; }

    /// <summary>The time step of the last code accepted, so that no code counts twice.</summary>
    public long? LastTotpStep { get; set; }

    /// <summary>The admin language the user chose in their profile (a culture name such as <c>pl-PL</c>), or null to
    /// follow the browser. Orchard Core's User Localization keeps the same choice as <c>UserLocalizationSettings.Culture</c>.</summary>
    public string? Culture { get; set; }

    public List<UserRoleRecord> Roles { get; set; } = [];
}

public sealed class UserRoleRecord
{
    public string UserId { get; set; } = "";
    public string RoleName { get; set; } = "";
}

/// <summary>One entry of the site-wide audit log (<c>Features/Audit</c>). Content entries name the item, version and
/// type; the others leave those empty and name their <see cref="Target"/> (a user, role or client).</summary>
public sealed class AuditEntryRecord
{
    public const int TargetLength = 255;
    public const int DetailLength = 1024;

    public long Id { get; set; }
    public DateTime Utc { get; set; }
    public string Action { get; set; } = "";
    public string ContentItemId { get; set; } = "";
    public string? ContentItemVersionId { get; set; }
    public string ContentType { get; set; } = "";
    public string? UserName { get; set; }
    public string? Target { get; set; }
    public string? Detail { get; set; }

    /// <summary>The client's address as the host resolved it (through configured proxies only).</summary>
    public string? Address { get; set; }

    /// <summary>Whether the entry records a content change (what the site's change token follows).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<AuditEntryRecord, bool>> IsContent = a => a.ContentItemId != "";
}
