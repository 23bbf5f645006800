namespace Twinning.Module.Features.Security;

/// <summary>The <c>Twinning:Accounts</c> section: how sign-in resists password guessing.</summary>
public sealed class AccountOptions
{
    public const string Section = "Twinning:Accounts";

    /// <summary>Failed sign-ins in a row after which an account is locked out (ASP.NET Core Identity's default, 5).</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    /// <summary>How long a locked-out account refuses every sign-in, even with the right password.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts (posts of the sign-in form) one client address may make per <see cref="RateLimitWindow"/>.</summary>
    public int SignInPermitLimit { get; set; } = 10;

    /// <summary>Token requests (<c>POST /connect/token</c>) one client address may make per <see cref="RateLimitWindow"/>.</summary>
    public int TokenPermitLimit { get; set; } = 30;

    /// <summary>Administrators must sign in with a code from an authenticator app as well as their password: one who
    /// has not set it up is sent to do so before anything else.</summary>
    public bool RequireTwoFactorForAdministrators { get; set; }

    /// <summary>The window both rate limits count in.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
