using System.Net;
using Twinning.Module.Features.Webhooks;

namespace Twinning.Module.Tests.Webhooks;

/// <summary>Which addresses a webhook may be sent to when private networks are not allowed.</summary>
public sealed class WebhookNetworksTests
{
    [Theory]
    [InlineData("93.184.215.14", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.255.0.9", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.20.30.40", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("169.254.169.254", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("192.0.0.8", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::1", false)]
    [InlineData("::", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("64:ff9b::808:808", true)]
    public void OnlyPublicAddressesArePublic(string address, bool expected)
        => Assert.Equal(expected, WebhookNetworks.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://localhost:5080/hook", true)]
    [InlineData("http://admin.localhost/hook", true)]
    [InlineData("http://127.0.0.1/hook", true)]
    [InlineData("http://[fd12::1]/hook", true)]
    [InlineData("https://hooks.example.org/rebuild", false)]
    [InlineData("https://8.8.8.8/hook", false)]
    public void AnAddressWrittenAsPrivateIsKnownBeforeSending(string url, bool expected)
        => Assert.Equal(expected, WebhookNetworks.NamesPrivateNetwork(new Uri(url)));

    [Fact]
    public void PrivateNetworksAreNotAllowedUnlessConfigured()
        => Assert.False(new WebhooksOptions().AllowPrivateNetworks);
}
