using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twinning.Core.Content;
using Twinning.Module.Features.Audit;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security;

/// <summary>Why an account change was refused: the form field it concerns, a key for the admin's texts
/// (<c>Accounts.{Code}</c>, with <paramref name="Argument"/> as its <c>{0}</c>) and the English message for logs and
/// the command line.</summary>
public sealed record AccountProblem(string Field, string Code, string Message, string? Argument = null)
{
    public override string ToString() => Message;
}

/// <summary>
/// Editor accounts: created with a hashed password (ASP.NET Core Identity's hasher) and role names; sign-in with
/// Identity's lockout rule (<see cref="AccountOptions.MaxFailedAccessAttempts"/> failures in a row lock the account
/// for <see cref="AccountOptions.LockoutDuration"/>); temporary passwords that must be changed; disabling.
/// </summary>
public sealed class UserService(TwinningDbContext db, UserReads reads, RecentReads<string, SessionState?> sessions,
    RecentReads<string, IReadOnlyList<UserName>> names, IPasswordHasher<UserRecord> hasher, TimeProvider clock,
    IOptions<AccountOptions> options, IAuditLog audit, ILogger<UserService> logger)
{
    public const int MinimumPasswordLength = 12;

    /// <summary>The most characters of a user name and of an e-mail address (their columns' length).</summary>
    public const int MaxNameLength = 255;

    /// <summary>Creates the user; <c>id</c> is given when it must be known beforehand (setup gives it to its recipe as
    /// <c>AdminUserId</c>), otherwise a new one is made. Returns the problems, or none.</summary>
    public async Task<IReadOnlyList<AccountProblem>> CreateAsync(string userName, string? email, string password, IEnumerable<string> roles,
        bool mustChangePassword = false, string? id = null)
    {
        var problems = new List<AccountProblem>();
        if (string.IsNullOrWhiteSpace(userName))
        {
            problems.Add(new("userName", "UserNameRequired", "A user name is required."));
        }
        else if (userName.Trim().Length > MaxNameLength)
        {
            problems.Add(new("userName", "UserNameTooLong", $"A user name may have at most {MaxNameLength} characters.", MaxNameLength.ToString(CultureInfo.InvariantCulture)));
        }
        else if (await db.Users.AnyAsync(u => u.NormalizedUserName == Normalize(userName)))
        {
            problems.Add(new("userName", "UserNameTaken", $"The user name '{userName}' is taken.", userName));
        }
        if (email?.Trim().Length > MaxNameLength)
        {
            // The columns' length: PostgreSQL refused a longer one with a server error, SQLite kept it.
            problems.Add(new("email", "EmailTooLong", $"An e-mail address may have at most {MaxNameLength} characters.", MaxNameLength.ToString(CultureInfo.InvariantCulture)));
        }
        if (PasswordProblem("password", password) is { } weak)
        {
            problems.Add(weak);
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var user = new UserRecord
        {
            Id = id ?? IdGenerator.New(),
            UserName = userName.Trim(),
            NormalizedUserName = Normalize(userName),
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            SecurityStamp = NewStamp(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            MustChangePassword = mustChangePassword,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        user.Roles = roles.Distinct().Select(r => new UserRoleRecord { UserId = user.Id, RoleName = r }).ToList();
        db.Users.Add(user);
        audit.Record(AuditActions.UserCreated, user.UserName, "Roles: " + string.Join(", ", user.Roles.Select(r => r.RoleName)));
        await db.SaveChangesAsync();
        return [];
    }

    public async Task<UserRecord?> FindAsync(string userName)
        => await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedUserName == Normalize(userName));

    public async Task<UserRecord?> FindByIdAsync(string id)
        => await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == id);

    /// <summary>Every user, by name, for the administrators' list.</summary>
    public async Task<IReadOnlyList<UserRecord>> ListAsync()
        => await db.Users.AsNoTracking().Include(u => u.Roles).OrderBy(u => u.NormalizedUserName).ToListAsync();

    public bool CheckPassword(UserRecord user, string password)
        => hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>Whether sign-in is refused until a moment still to come.</summary>
    public bool IsLockedOut(UserRecord user) => user.LockoutEnd is { } end && end > clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The user a sign-in names, when the password is theirs and the account is neither locked out nor disabled;
    /// null otherwise, for whichever reason, so that the answer does not tell them apart. An unknown user name costs
    /// the same password-hash work as a wrong password (checked against a hash of no one's password), and a locked-out
    /// or disabled account has its password checked too, so the time of the answer does not tell either.
    /// Each failure is logged, with <paramref name="from"/> (the client's address), and a lockout as a warning.
    /// </summary>
    public async Task<UserRecord?> SignInAsync(string? userName, string? password, string? from = null)
    {
        var user = string.IsNullOrWhiteSpace(userName)
            ? null
            : await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedUserName == Normalize(userName));
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodysHash(), password);
            logger.LogInformation("Failed sign-in with the unknown user name '{UserName}' from {Address}.", userName, from);
            // Not the name typed: it may be a password typed into the wrong field, and the log is shown on a page.
            await RecordFailureAsync(null, null, "Unknown user name.");
            return null;
        }
        var matches = CheckPassword(user, password);
        if (user.Disabled)
        {
            logger.LogInformation("Refused sign-in of the disabled user '{UserName}' from {Address}.", user.UserName, from);
            await RecordFailureAsync(user.UserName, user.UserName, "The account is disabled.");
            return null;
        }
        if (IsLockedOut(user))
        {
            logger.LogWarning("Refused sign-in of the locked-out user '{UserName}' from {Address}; locked out until {LockoutEnd:u}.",
                user.UserName, from, user.LockoutEnd);
            await RecordFailureAsync(user.UserName, user.UserName, "The account is locked out.");
            return null;
        }
        if (!matches)
        {
            await FailAsync(user, from, "Wrong password.");
            return null;
        }
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        // With two-factor sign-in on, the code step records the sign-in.
        if (!user.TwoFactorEnabled)
        {
            audit.Record(AuditActions.SignedIn, user.UserName, userName: user.UserName);
        }
        await db.SaveChangesAsync();
        return user;
    }

    private async Task RecordFailureAsync(string? userName, string? target, string detail)
    {
        audit.Record(AuditActions.SignInFailed, target, detail, userName);
        await db.SaveChangesAsync();
    }

    private async Task FailAsync(UserRecord user, string? from, string detail)
    {
        var limit = options.Value.MaxFailedAccessAttempts;
        user.AccessFailedCount++;
        if (user.AccessFailedCount >= limit)
        {
            // As Identity does: the count starts again, and the lockout alone stops further tries until it ends.
            user.AccessFailedCount = 0;
            user.LockoutEnd = clock.GetUtcNow().UtcDateTime + options.Value.LockoutDuration;
            logger.LogWarning("Locked out the user '{UserName}' until {LockoutEnd:u} after {Count} failed sign-ins; the last from {Address}.",
                user.UserName, user.LockoutEnd, limit, from);
            audit.Record(AuditActions.LockedOut, user.UserName, $"{detail} Locked out until {user.LockoutEnd:u} after {limit} failed sign-ins.", user.UserName);
        }
        else
        {
            logger.LogInformation("Failed sign-in of the user '{UserName}' from {Address} ({Count} of {Limit} before lockout).",
                user.UserName, from, user.AccessFailedCount, limit);
            audit.Record(AuditActions.SignInFailed, user.UserName, detail, user.UserName);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The user changes their own password, proving they know the current one. Ends their other sessions
    /// (a new security stamp) and lifts the obligation to change a temporary password.</summary>
    public async Task<IReadOnlyList<AccountProblem>> ChangePasswordAsync(string userId, string? currentPassword, string? newPassword, string? confirmation)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        var problems = new List<AccountProblem>();
        if (user is null || string.IsNullOrEmpty(currentPassword) || !CheckPassword(user, currentPassword))
        {
            problems.Add(new("currentPassword", "CurrentPasswordWrong", "The current password is wrong."));
        }
        if (PasswordProblem("newPassword", newPassword) is { } weak)
        {
            problems.Add(weak);
        }
        else if (user is not null && !string.IsNullOrEmpty(currentPassword) && newPassword == currentPassword)
        {
            problems.Add(new("newPassword", "PasswordUnchanged", "The new password must differ from the current one."));
        }
        if (newPassword != confirmation)
        {
            problems.Add(new("confirmPassword", "ConfirmationDiffers", "The confirmation differs from the new password."));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        user!.PasswordHash = hasher.HashPassword(user, newPassword!);
        user.MustChangePassword = false;
        user.SecurityStamp = NewStamp();
        audit.Record(AuditActions.PasswordChanged, user.UserName);
        await db.SaveChangesAsync();
        logger.LogInformation("The user '{UserName}' changed their password.", user.UserName);
        return [];
    }

    /// <summary>Gives the user a new generated password that must be changed at next sign-in, lifts any lockout and
    /// ends their sessions. Returns the password (to be shown once) or null when there is no such user.</summary>
    public async Task<string?> SetTemporaryPasswordAsync(string userName, string by)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == Normalize(userName));
        if (user is null)
        {
            return null;
        }
        var password = GeneratePassword();
        user.PasswordHash = hasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.SecurityStamp = NewStamp();
        audit.Record(AuditActions.UserPasswordReset, user.UserName, by + " set a temporary password and lifted any lockout.");
        await db.SaveChangesAsync();
        logger.LogWarning("{By} set a temporary password for the user '{UserName}' and lifted any lockout.", by, user.UserName);
        return password;
    }

    /// <summary>Disables or enables a user; disabling ends their sessions at their next request.</summary>
    public async Task<bool> SetDisabledAsync(string userName, bool disabled, string by)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == Normalize(userName));
        if (user is null)
        {
            return false;
        }
        user.Disabled = disabled;
        user.SecurityStamp = NewStamp();
        audit.Record(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user.UserName);
        await db.SaveChangesAsync();
        logger.LogWarning("{By} {Action} the user '{UserName}'.", by, disabled ? "disabled" : "enabled", user.UserName);
        return true;
    }

    /// <summary>Stores the admin language the user chose in their profile (a culture name, or null to follow the
    /// browser); false when there is no such user.</summary>
    public async Task<bool> SetCultureAsync(string userId, string? culture)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null)
        {
            return false;
        }
        user.Culture = culture;
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>The key being set up for the user's authenticator app: the one already waiting, or a new one. Null
    /// when two-factor sign-in is already on (its key is never shown again) or there is no such user.</summary>
    public async Task<string?> PendingAuthenticatorKeyAsync(string userId)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null || user.TwoFactorEnabled)
        {
            return null;
        }
        if (user.AuthenticatorKey is null)
        {
            user.AuthenticatorKey = Totp.NewKey();
            await db.SaveChangesAsync();
        }
        return user.AuthenticatorKey;
    }

    /// <summary>Turns two-factor sign-in on when <paramref name="code"/> is the app's current code for the waiting key.</summary>
    public async Task<bool> EnableTwoFactorAsync(string userId, string? code)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (user is not { TwoFactorEnabled: false, AuthenticatorKey: { } key } || Totp.Match(key, code, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }
        user.TwoFactorEnabled = true;
        user.LastTotpStep = step;
        audit.Record(AuditActions.TwoFactorEnabled, user.UserName);
        await db.SaveChangesAsync();
        logger.LogInformation("The user '{UserName}' turned on two-factor sign-in.", user.UserName);
        return true;
    }

    /// <summary>Turns two-factor sign-in off, forgetting the key, when <paramref name="currentPassword"/> is right.</summary>
    public async Task<bool> DisableTwoFactorAsync(string userId, string? currentPassword)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null || string.IsNullOrEmpty(currentPassword) || !CheckPassword(user, currentPassword))
        {
            return false;
        }
        ForgetAuthenticator(user);
        audit.Record(AuditActions.TwoFactorDisabled, user.UserName);
        await db.SaveChangesAsync();
        logger.LogWarning("The user '{UserName}' turned off two-factor sign-in.", user.UserName);
        return true;
    }

    /// <summary>An administrator turns the user's two-factor sign-in off (a lost phone): the authenticator key is
    /// forgotten and every session of the user ends (a new security stamp). The user signs in with the password alone
    /// and can set up a new app. False when there is no such user.</summary>
    public async Task<bool> ResetTwoFactorAsync(string userName, string by)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == Normalize(userName));
        if (user is null)
        {
            return false;
        }
        ForgetAuthenticator(user);
        user.SecurityStamp = NewStamp();
        audit.Record(AuditActions.UserTwoFactorReset, user.UserName, by + " removed the authenticator app and ended the user's sessions.");
        await db.SaveChangesAsync();
        logger.LogWarning("{By} reset the two-factor sign-in of the user '{UserName}'.", by, user.UserName);
        return true;
    }

    private static void ForgetAuthenticator(UserRecord user)
    {
        user.TwoFactorEnabled = false;
        user.AuthenticatorKey = null;
        user.LastTotpStep = null;
    }

    /// <summary>The second step of a sign-in: the user when <paramref name="code"/> is a code of their app not used
    /// before; null otherwise. A wrong code counts towards the lockout as a wrong password does.</summary>
    public async Task<UserRecord?> VerifyTwoFactorAsync(string userId, string? code, string? from)
    {
        var user = await db.Users.Include(u => u.Roles).FirstOrDefaultAsync(u => u.Id == userId);
        if (user is not { TwoFactorEnabled: true, AuthenticatorKey: { } key, Disabled: false } || IsLockedOut(user))
        {
            return null;
        }
        if (Totp.Match(key, code, clock.GetUtcNow()) is not { } step || step <= user.LastTotpStep)
        {
            await FailAsync(user, from, "Wrong authenticator code.");
            return null;
        }
        user.LastTotpStep = step;
        user.AccessFailedCount = 0;
        audit.Record(AuditActions.SignedIn, user.UserName, "With an authenticator code.", user.UserName);
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>What decides whether a signed-in session may go on: null when the user no longer exists. Asked on every
    /// signed-in request, so kept for a moment (<see cref="RecentReads{TKey, TValue}"/>): a password change, reset or
    /// disabling through this instance counts from the next request, one made elsewhere within a second.</summary>
    public Task<SessionState?> SessionStateAsync(string userId) => sessions.GetAsync(userId, id => reads.SessionState(db, id));

    /// <summary>Every user's id and name, by name (a choice of owner); kept for a moment like the session state.</summary>
    public Task<IReadOnlyList<UserName>> NamesAsync() => names.GetAsync("", async _ =>
    {
        var all = new List<UserName>();
        await foreach (var name in reads.Names(db))
        {
            all.Add(name);
        }
        return (IReadOnlyList<UserName>)all;
    });

    private static AccountProblem? PasswordProblem(string field, string? password)
        => password is null || password.Length < MinimumPasswordLength
            ? new(field, "PasswordTooShort", $"The password must have at least {MinimumPasswordLength} characters.",
                MinimumPasswordLength.ToString(CultureInfo.InvariantCulture))
            : null;

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static readonly UserRecord Nobody = new();
    private static string? _nobodysHash;

    /// <summary>Made once, by the same hasher and settings as real passwords, so checking it takes as long.</summary>
    private string NobodysHash() => _nobodysHash ??= hasher.HashPassword(Nobody, GeneratePassword());

    /// <summary>A password of 24 characters from a 62-letter alphabet (about 143 bits).</summary>
    public static string GeneratePassword() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);
}
