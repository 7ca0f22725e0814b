using BenchmarkDotNet.Attributes;
using Referral.Api.Features.Services;
using Referral.Api.Search;
using Referral.Data;
using Referral.Domain.Geography;
using Referral.Domain.Vocabulary;

namespace Referral.Benchmarks;

/// <summary>
/// Directory search in the index, without HTTP: the load script's searches over a directory
/// built as its seed builds one (tests/load/seed.py), and a read by id. Each search includes
/// writing the page's JSON, as the API does.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private static readonly string[] SeedDistricts = ["LS1", "LS6", "LS8", "BD1", "M1", "M14", "B1", "B15", "NE1", "BS1", "CF10", "EH1", "G1", "BT1", "SW1A", "SE1", "E1", "N1", "NR1", "S1"];
    private static readonly string[] InPerson = [Formats.InPersonGroup, Formats.OneToOneInPerson];

    private readonly PostcodeDistricts _districts = ReferenceData.LoadPostcodeDistricts();
    private DirectoryIndex _index = new();
    private Guid _middle;

    [Params(5_000, 100_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261126);
        var conditions = Vocabularies.Conditions.Codes.ToArray();
        var communities = Vocabularies.Communities.Codes.ToArray();
        var formats = Formats.All.Select(f => f.Code).ToArray();
        // About the size of a seeded service's JSON; shared, as only its length matters here.
        var json = new byte[1_100];
        _index = new DirectoryIndex();
        for (var i = 0; i < Services; i++)
        {
            var serviceFormats = random.GetItems(formats, random.Next(1, 4)).Distinct().ToArray();
            var national = !serviceFormats.Intersect(InPerson).Any() && random.NextDouble() < 0.7;
            string? district = national ? null : SeedDistricts[random.Next(SeedDistricts.Length)];
            var id = Guid.NewGuid();
            if (i == Services / 2)
            {
                _middle = id;
            }

            _index.Upsert(new IndexedService(
                id,
                1,
                "active",
                $"Load service {i}",
                random.GetItems(conditions, random.Next(0, 4)).Distinct().ToArray(),
                random.GetItems(communities, random.Next(0, 3)).Distinct().ToArray(),
                serviceFormats,
                ["en"],
                district,
                _districts.TryLocate(district, out _, out var centroid) ? centroid : null,
                json),
                $"A synthetic peer support service for the load test.\nLoad organisation {i % 400}");
        }
    }

    [Benchmark]
    public int FirstPage() => Page(new DirectoryQuery { PageSize = 10 });

    [Benchmark]
    public int Text() => Page(new DirectoryQuery { Text = "peer", PageSize = 10 });

    [Benchmark]
    public int Near() => Page(new DirectoryQuery { Near = Leeds, RadiusKm = 20, PageSize = 10 });

    [Benchmark]
    public int Condition() => Page(new DirectoryQuery { Condition = "diabetes", PageSize = 10 });

    [Benchmark]
    public int TextNear() => Page(new DirectoryQuery { Text = "peer", Near = Leeds, RadiusKm = 20, PageSize = 10 });

    [Benchmark]
    public int Combined() => Page(new DirectoryQuery { Text = "support", Condition = "diabetes", Format = Formats.OnlineGroup, Language = "en", PageSize = 10 });

    [Benchmark]
    public int ById() => _index.Find(_middle)!.Json.Length;

    private GeoPoint Leeds => _districts.TryLocate("LS1", out _, out var point) ? point : default;

    private int Page(DirectoryQuery query)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>(16_384);
        ServicePageJson.Write(output, _index.Search(query), query.Page, query.PageSize);
        return output.WrittenCount;
    }
}
