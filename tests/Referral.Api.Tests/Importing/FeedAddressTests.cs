using System.Net;
using Referral.Api.Features.Importing;

namespace Referral.Api.Tests.Importing;

/// <summary>Which addresses the importer treats as the inside of the network, never connected to unless listed.</summary>
public sealed class FeedAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void Private_loopback_and_link_local_addresses_are_refused_unless_listed(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.False(new FeedAddress(new ImportOptions { AllowedHosts = ["feeds.example.org"] }).MayConnect(ip));
        Assert.True(new FeedAddress(new ImportOptions { AllowedHosts = [ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().ToString() : ip.ToString()] }).MayConnect(ip));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2a00:1450:4009::1")]
    public void Public_addresses_are_connected_to(string address) =>
        Assert.True(new FeedAddress(new ImportOptions()).MayConnect(IPAddress.Parse(address)));
}
