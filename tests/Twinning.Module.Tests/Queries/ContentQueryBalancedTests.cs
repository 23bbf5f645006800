using System.Linq.Expressions;
using Twinning.Module.Features.Queries;

namespace Twinning.Module.Tests.Queries;

public sealed class ContentQueryBalancedTests
{
    private static int Depth(Expression e) => e is BinaryExpression b ? 1 + Math.Max(Depth(b.Left), Depth(b.Right)) : 0;

    private static List<Expression> Terms(int count)
    {
        var x = Expression.Parameter(typeof(int), "x");
        return Enumerable.Range(0, count).Select(i => (Expression)Expression.Equal(x, Expression.Constant(i))).ToList();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5000, 14)]
    [InlineData(8000, 14)]
    public void ManyTermsMakeAShallowTree(int count, int depth)
    {
        var joined = ContentQuery.Balanced(Terms(count), Expression.OrElse, Expression.Constant(false));

        // Depth counts the comparisons (x == i) too: log2(count) joins above them.
        Assert.Equal(depth, Depth(joined));
    }

    [Fact]
    public void EveryTermIsKeptInOrderAndNoneTwice()
    {
        var terms = Terms(37);
        var joined = ContentQuery.Balanced(terms, Expression.AndAlso, Expression.Constant(true));

        static IEnumerable<Expression> Leaves(Expression e) => e.NodeType == ExpressionType.AndAlso
            ? Leaves(((BinaryExpression)e).Left).Concat(Leaves(((BinaryExpression)e).Right))
            : [e];
        Assert.Equal(terms, Leaves(joined));
    }

    [Fact]
    public void NoTermsIsTheEmptyValue()
    {
        var empty = Expression.Constant(true);

        Assert.Same(empty, ContentQuery.Balanced([], Expression.AndAlso, empty));
    }
}
