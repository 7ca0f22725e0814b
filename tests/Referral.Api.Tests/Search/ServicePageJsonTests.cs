using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referral.Api.Features.Services;
using Referral.Api.OpenApi;
using Referral.Api.Search;
using Referral.Api.Tests.Infrastructure;
using Referral.Domain.Directory;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Referral.Api.Tests.Search;

/// <summary>
/// A directory page is written by hand around the services' stored JSON; what a client reads
/// must be byte for byte what the API's serializer writes for the same page.
/// </summary>
public sealed class ServicePageJsonTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void A_page_written_by_hand_is_what_the_serializer_writes()
    {
        var json = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var genItem =
            from name in Gen.String[Gen.Char.AlphaNumeric, 1, 40]
            from version in Gen.Int[1, 1000]
            from distance in Gen.Frequency((1, Gen.Const((double?)null)), (3, Gen.Int[0, 2000].Select(d => (double?)Math.Round(d / 10.0, 1))))
            select (name, version, distance);

        Gen.Select(genItem.Array[0, 12], Gen.Int[1, 10_000], Gen.Int[1, 100], Gen.Int[0, 1_000_000]).Sample((items, page, pageSize, total) =>
        {
            var services = items.Select(i => (View: View(i.name, i.version), i.distance)).ToList();
            var expected = JsonSerializer.SerializeToUtf8Bytes(
                new ServicePage([.. services.Select(s => new ServiceListItem(s.View, s.distance))], page, pageSize, total), json);
            var indexed = new DirectoryPage(
                [.. services.Select(s => (Indexed(s.View, JsonSerializer.SerializeToUtf8Bytes(s.View, json)), s.distance))], total);
            var written = new System.Buffers.ArrayBufferWriter<byte>();
            ServicePageJson.Write(written, indexed, page, pageSize);
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(written.WrittenSpan));
        }, iter: 200);
    }

    private static ServiceView View(string name, int version)
    {
        var input = Examples.Service.ToDomain() with { Name = name };
        return new Service(input, Guid.NewGuid(), version, "LS1", DateTimeOffset.UnixEpoch.AddDays(version), DateTimeOffset.UnixEpoch.AddDays(version + 1)).ToView();
    }

    private static IndexedService Indexed(ServiceView view, byte[] json) =>
        new(view.Id, view.Version, view.Status, view.Name, [], [], [], [], null, null, json);
}
