using Microsoft.EntityFrameworkCore;
using Twinning.Module.Features.Storage;

namespace Twinning.Module.Features.Security;

/// <summary>
/// The user reads that run on every signed-in request, compiled once: the session check of each admin request, and
/// the names the content list's owner filter offers. EF Core's per-query work (hashing the expression to find it in
/// its cache) was most of their cost. A compiled query is bound to the model it first ran against, so there is one
/// set per application.
/// </summary>
public sealed class UserReads
{
    /// <summary>Whether the account is disabled, and its stamp; null when there is no such user.</summary>
    public Func<TwinningDbContext, string, Task<SessionState?>> SessionState { get; } = EF.CompileAsyncQuery(
        (TwinningDbContext db, string id) => db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new SessionState(u.Disabled, u.SecurityStamp)).FirstOrDefault());

    /// <summary>Every user's id and name, by name.</summary>
    public Func<TwinningDbContext, IAsyncEnumerable<UserName>> Names { get; } = EF.CompileAsyncQuery(
        (TwinningDbContext db) => db.Users.AsNoTracking().OrderBy(u => u.NormalizedUserName).Select(u => new UserName(u.Id, u.UserName)));
}

/// <summary>What the session check needs of an account.</summary>
public sealed record SessionState(bool Disabled, string SecurityStamp);

/// <summary>A user's id and name.</summary>
public sealed record UserName(string Id, string Name);
