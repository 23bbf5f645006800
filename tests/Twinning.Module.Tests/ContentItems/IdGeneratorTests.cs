using Twinning.Core.Content;

namespace Twinning.Module.Tests.ContentItems;

public sealed class IdGeneratorTests
{
    private const string OrchardAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    [Fact]
    public void IdsAre26CharactersOfOrchardsAlphabet()
    {
        for (var i = 0; i < 1000; i++)
        {
            var id = IdGenerator.New();

            Assert.Equal(26, id.Length);
            Assert.All(id, c => Assert.Contains(c, OrchardAlphabet));
        }
    }

    [Fact]
    public void IdsNeverContainLookAlikeLetters()
    {
        var ids = string.Concat(Enumerable.Range(0, 2000).Select(_ => IdGenerator.New()));

        Assert.DoesNotContain('i', ids);
        Assert.DoesNotContain('l', ids);
        Assert.DoesNotContain('o', ids);
        Assert.DoesNotContain('u', ids);
        Assert.DoesNotContain(ids, char.IsUpper);
    }

    [Fact]
    public void IdsUseTheWholeAlphabet()
    {
        var used = Enumerable.Range(0, 2000).SelectMany(_ => IdGenerator.New()).ToHashSet();

        Assert.Equal(OrchardAlphabet.ToHashSet(), used);
    }

    [Fact]
    public void IdsAreUniqueAcrossManyCalls()
    {
        var ids = Enumerable.Range(0, 50_000).Select(_ => IdGenerator.New()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void IdsAreUniqueWhenMadeConcurrently()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 20_000, _ => ids.Add(IdGenerator.New()));

        Assert.Equal(20_000, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void GeneratedIdsAreAcceptedAsValid()
    {
        Assert.True(IdGenerator.IsValid(IdGenerator.New()));
    }
}
