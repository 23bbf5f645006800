using System.Linq.Expressions;
using YesSql.Indexes;

namespace YesSql.Indexes
{
    // Source (sebastienros/yessql): src/YesSql.Abstractions/Indexes/IIndex.cs
    public interface IIndex
    {
    }

    // Source (sebastienros/yessql): src/YesSql.Abstractions/Indexes/MapIndex.cs
    public abstract class MapIndex : IIndex
    {
    }
}

namespace YesSql
{
    // Source (sebastienros/yessql): src/YesSql.Abstractions/ISession.cs
    public interface ISession
    {
    }

    // Source (sebastienros/yessql): src/YesSql.Abstractions/IQuery.cs
    public interface IQuery<T> where T : class
    {
        IQuery<T, TIndex> With<TIndex>(Expression<Func<TIndex, bool>> predicate) where TIndex : class, IIndex;

        Task<T> FirstOrDefaultAsync();

        Task<IEnumerable<T>> ListAsync();
    }

    // Source (sebastienros/yessql): src/YesSql.Abstractions/IQuery.cs
    public interface IQuery<T, TIndex> : IQuery<T>
        where T : class
        where TIndex : IIndex
    {
        IQuery<T, TIndex> OrderBy(Expression<Func<TIndex, object>> keySelector);
    }

    // Source (sebastienros/yessql): src/YesSql.Abstractions/QueryExtensions.cs
    public static class QueryExtensions
    {
        public static IQuery<T, TIndex> Query<T, TIndex>(this ISession session, Expression<Func<TIndex, bool>> predicate, bool filterType = false, string collection = null)
            where T : class
            where TIndex : class, IIndex
            => throw new NotSupportedException();
    }
}
