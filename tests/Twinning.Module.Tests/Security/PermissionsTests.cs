using Twinning.Module.Features.Security;

namespace Twinning.Module.Tests.Security;

/// <summary>Which permissions imply which, as Orchard Core's content and media permissions do: a role is granted what
/// it holds and everything its permissions imply, for every type or for one securable type.</summary>
public sealed class PermissionsTests
{
    [Theory]
    [InlineData("EditOwnContent", "EditContent")]
    [InlineData("EditOwnContent", "PublishOwnContent")]
    [InlineData("EditContent", "PublishContent")]
    [InlineData("ViewContent", "EditContent")]
    [InlineData("ViewOwnContent", "PublishContent")]
    [InlineData("PreviewContent", "PublishContent")]
    [InlineData("DeleteOwnContent", "DeleteContent")]
    [InlineData("ExecuteGraphQL", "ExecuteGraphQLMutations")]
    [InlineData("ManageMediaContent", "ManageMediaFolder")]
    [InlineData("Edit_Forum", "EditContent")]
    [InlineData("Edit_Forum", "Publish_Forum")]
    [InlineData("EditOwn_Forum", "EditOwnContent")]
    [InlineData("EditOwn_Forum", "Edit_Forum")]
    [InlineData("View_Forum", "Publish_Forum")]
    public void APermissionIsGrantedThroughOneThatImpliesIt(string demanded, string held)
        => Assert.True(Permissions.IsGranted(demanded, new HashSet<string> { held }));

    [Theory]
    [InlineData("DeleteContent", "EditContent")]
    [InlineData("PublishContent", "EditContent")]
    [InlineData("EditContent", "EditOwnContent")]
    [InlineData("Edit_Forum", "EditOwn_Forum")]
    [InlineData("Edit_Forum", "Edit_Panel")]
    [InlineData("EditOwn_Forum", "Edit_Panel")]
    [InlineData("ManageMediaFolder", "ManageMediaContent")]
    [InlineData("ExecuteGraphQLMutations", "ExecuteGraphQL")]
    public void APermissionIsNotGrantedByAWeakerOrUnrelatedOne(string demanded, string held)
        => Assert.False(Permissions.IsGranted(demanded, new HashSet<string> { held }));

    [Fact]
    public void AnOwnersPermissionIsTheOwnVariantAndPerTypeNamesFollowOrchard()
    {
        Assert.Equal("EditOwnContent", Permissions.OwnerVariant("EditContent"));
        Assert.Null(Permissions.OwnerVariant("ListContent"));
        Assert.Equal("EditOwn_Forum", Permissions.ForType("EditOwnContent", "Forum"));
        Assert.Equal("ListContent_Forum", Permissions.ForType("ListContent", "Forum"));
        Assert.Contains("Publish_Forum", Permissions.ForType("Forum"));
    }
}
