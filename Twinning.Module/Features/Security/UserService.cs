using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Twinning.Core.Content;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security;

/// <summary>Editor accounts: created with a hashed password (ASP.NET Core Identity's hasher) and role names.</summary>
public sealed class UserService(TwinningDbContext db, IPasswordHasher<UserRecord> hasher, TimeProvider clock)
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Creates the user; <c>id</c> is given when it must be known beforehand (setup gives it to its recipe as
    /// <c>AdminUserId</c>), otherwise a new one is made. Returns the problems, or none.</summary>
    public async Task<IReadOnlyList<string>> CreateAsync(string userName, string? email, string password, IEnumerable<string> roles, string? id = null)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(userName))
        {
            problems.Add("A user name is required.");
        }
        if (password.Length < MinimumPasswordLength)
        {
            problems.Add($"The password must have at least {MinimumPasswordLength} characters.");
        }
        var normalized = userName.Trim().ToUpperInvariant();
        if (problems.Count == 0 && await db.Users.AnyAsync(u => u.NormalizedUserName == normalized))
        {
            problems.Add($"The user name '{userName}' is taken.");
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var user = new UserRecord
        {
            Id = id ?? IdGenerator.New(),
            UserName = userName.Trim(),
            NormalizedUserName = normalized,
            Email = email,
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = hasher.HashPassword(user, password);
        user.Roles = roles.Distinct().Select(r => new UserRoleRecord { UserId = user.Id, RoleName = r }).ToList();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return [];
    }

    public async Task<UserRecord?> FindAsync(string userName)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Include(u => u.Roles).FirstOrDefaultAsync(u => u.NormalizedUserName == normalized);
    }

    public bool CheckPassword(UserRecord user, string password)
        => hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// The user a sign-in names, when the password is theirs; null otherwise. An unknown user name costs the same
    /// password-hash work as a wrong password (checked against a hash of no one's password), so the time of the
    /// answer does not tell whether the account exists.
    /// </summary>
    public async Task<UserRecord?> SignInAsync(string? userName, string? password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await FindAsync(userName);
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }
        if (user is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodysHash(), password);
            return null;
        }
        return CheckPassword(user, password) ? user : null;
    }

    private static readonly UserRecord Nobody = new();
    private static string? _nobodysHash;

    /// <summary>Made once, by the same hasher and settings as real passwords, so checking it takes as long.</summary>
    private string NobodysHash() => _nobodysHash ??= hasher.HashPassword(Nobody, GeneratePassword());

    /// <summary>A password of 24 characters from a 62-letter alphabet (about 143 bits).</summary>
    public static string GeneratePassword() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24);
}
