using System.Text;
using CsCheck;
using Referral.Api.Search;
using Referral.Api.Tests.Services;
using Referral.Domain.Geography;

namespace Referral.Api.Tests.Search;

/// <summary>
/// The index answers every search exactly as the plain reference search does (same items,
/// order, distances and totals), over random directories built by random creates and
/// replacements, and random queries: larger directories and far more queries than the HTTP
/// property test can afford, so that the index's shortcuts (bitsets, word prefixes, levels,
/// the choice between walking the name order and sorting, districts at equal distances, deep
/// pages) are each taken many times.
/// </summary>
public sealed class DirectoryIndexPropertyTests
{
    // Made-up districts around Leeds, so that some lie at exactly the same distance from a
    // place: two share a centroid, and two pairs mirror each other about it.
    private static readonly PostcodeDistricts Centroids = PostcodeDistricts.Parse(new StringReader("""
        outcode,latitude,longitude
        AA1,53.80,-1.50
        AA2,53.80,-1.50
        AA3,53.80,-1.60
        AA4,53.80,-1.40
        AA5,53.85,-1.50
        AA6,53.75,-1.50
        AA7,54.30,-1.50
        AA8,52.00,-1.00
        AB1,53.80,-1.45
        AB2,53.80,-1.55
        """));

    // Names that tie, share prefixes, differ only in case, and sort differently by UTF-16 and by
    // code point (U+FF21 against a character above U+FFFF).
    private static readonly string[] NameWords = ["Alpha", "alpha", "Walk", "walking", "Group", "group", "Café", "cafe", "Peer", "\uFF21", "\U0001F600", "circle", "Circle"];
    private static readonly string[] OtherWords = ["weekly", "walk", "peer", "support", "group", "100%", "led_", "cafés", "carers", "talk"];
    private static readonly string[] Districts = ["AA1", "AA2", "AA3", "AA4", "AA5", "AA6", "AA7", "AA8", "AB1", "AB2", "ZZ9"];
    private static readonly string[] Conditions = ["depression", "loneliness", "ptsd"];
    private static readonly string[] Communities = ["carers", "veterans"];
    private static readonly string[] Formats = ["in-person-group", "online-group", "messages"];
    private static readonly string[] Languages = ["en", "cy", "pl"];
    private static readonly string[] Statuses = ["active", "active", "paused", "closed"];
    private static readonly string[] Texts = ["walk", "WALKING", "wa", "alpha walk", "%", " ", "peer", "caf", "cafe group", "c", "\uFF41", "\U0001F600", "100", "support carers"];
    private static readonly string[] Organisations = ["org-a", "org-b", "org-c"];
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Places = ["AA1", "AA2 1AA", "AA5", "AA7", "AA8", "AB1"];

    private sealed record Change(int Id, ModelService Service);

    private static Gen<string> Words(string[] pool, int max) => Gen.Int[1, max].SelectMany(n => Gen.OneOf(pool).Array[n]).Select(w => string.Join(' ', w));

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => Gen.Frequency((1, gen.Select(v => (T?)v)), (2, Gen.Const((T?)null)));

    private static Gen<string[]> Some(string[] pool) => Gen.Int[0, pool.Length].SelectMany(n => Gen.Shuffle(pool, n));

    private static readonly Gen<Change> GenChange =
        from id in Gen.Int[0, 250]
        from name in Words(NameWords, 3)
        from other in Words(OtherWords, 4)
        from district in Gen.Frequency((4, Gen.OneOf(Districts).Select(d => (string?)d)), (1, Gen.Const((string?)null)))
        from conditions in Some(Conditions)
        from communities in Some(Communities)
        from formats in Some(Formats)
        from languages in Some(Languages)
        from status in Gen.OneOf(Statuses)
        from organisation in Gen.Frequency((5, Gen.OneOf(Organisations).Select(o => (string?)o)), (1, Gen.Const((string?)null)))
        from day in Gen.Int[0, 9]
        select new Change(id, new ModelService(Id(id), name, other, status, district, conditions, communities, formats, languages)
        {
            Organisation = organisation,
            UpdatedAt = Epoch.AddDays(day),
        });

    private static readonly Gen<SearchQuery> GenQuery =
        from q in Maybe(Gen.OneOf(Texts))
        from condition in Maybe(Gen.OneOf(Conditions))
        from community in Maybe(Gen.OneOf(Communities))
        from format in Maybe(Gen.OneOf(Formats))
        from language in Maybe(Gen.OneOf(Languages))
        from status in Gen.OneOf<string?>(null, "active", "paused", "closed")
        from near in Gen.Frequency((1, Gen.OneOf(Places).Select(p => (string?)p)), (2, Gen.Const((string?)null)))
        from radius in Gen.OneOf<double?>(null, 1, 5, 15, 40, 200)
        from page in Gen.Frequency((3, Gen.Int[1, 3]), (1, Gen.Int[4, 60]))
        from pageSize in Gen.OneOf(1, 2, 3, 7, 10, 20, 100)
        from organisation in Gen.Frequency((1, Gen.OneOf("org-a", "org-b", "org-z").Select(o => (string?)o)), (3, Gen.Const((string?)null)))
        from after in Gen.Frequency((1, Gen.Int[0, 10].Select(d => (DateTimeOffset?)Epoch.AddDays(d))), (3, Gen.Const((DateTimeOffset?)null)))
        from any in Gen.Frequency((1, Gen.OneOf(CodeKind.Condition, CodeKind.Community, CodeKind.Format).Select(k => (CodeKind?)k)), (3, Gen.Const((CodeKind?)null)))
        from anyStatus in Gen.Frequency((1, Gen.Const(true)), (4, Gen.Const(false)))
        select new SearchQuery(q, condition, community, format, language, status, near, near is null ? null : radius, page, pageSize)
        {
            AnyStatus = anyStatus,
            Organisation = organisation,
            ModifiedAfter = after,
            HasAny = any,
        };

    [Fact]
    public void The_index_answers_every_search_as_the_plain_search_does()
    {
        Gen.Select(GenChange.Array[1, 400], GenQuery.Array[40], Gen.Int[0, 400]).Sample((changes, queries, loadedCount) =>
        {
            // The first services loaded at once (as at start-up), the rest as changes.
            var index = new DirectoryIndex();
            var model = new Dictionary<string, ModelService>();
            var loaded = changes.Take(loadedCount).DistinctBy(c => c.Id).ToList();
            index.Load(loaded.Select(c => (Indexed(c.Service), c.Service.OtherText)));
            foreach (var change in loaded)
            {
                model[change.Service.Id] = change.Service;
            }

            foreach (var change in changes.Skip(loadedCount))
            {
                index.Upsert(Indexed(change.Service), change.Service.OtherText);
                model[change.Service.Id] = change.Service;
            }

            foreach (var query in queries)
            {
                var expected = ReferenceSearch.Run(model.Values, query, Centroids);
                var actual = index.Search(ToIndexQuery(query));
                var items = actual.Items.Select(i => (i.Service.Id.ToString("D"), i.DistanceKm)).ToList();
                if (!expected.Items.SequenceEqual(items) || expected.Total != actual.Total)
                {
                    return false;
                }
            }

            return true;
        }, iter: 300);
    }

    private static string Id(int n) => new Guid(n, 0, 0, new byte[8]).ToString("D");

    private static IndexedService Indexed(ModelService s) => new(
        Guid.Parse(s.Id), 1, s.Status, s.Name, s.Conditions, s.Communities, s.Formats, s.Languages, s.District,
        Centroids.TryLocate(s.District, out _, out var centroid) ? centroid : null,
        Encoding.UTF8.GetBytes(s.Id))
    {
        Organisation = s.Organisation,
        UpdatedAt = s.UpdatedAt,
    };

    private static DirectoryQuery ToIndexQuery(SearchQuery q) => new()
    {
        Text = q.Q,
        Condition = q.Condition,
        Community = q.Community,
        Format = q.Format,
        Language = q.Language,
        Status = q.AnyStatus ? null : q.Status ?? "active",
        Near = Centroids.TryLocate(q.Near, out _, out var near) ? near : null,
        RadiusKm = q.RadiusKm ?? 25,
        Page = q.Page ?? 1,
        PageSize = q.PageSize ?? 20,
        Organisation = q.Organisation,
        ModifiedAfter = q.ModifiedAfter,
        HasAny = q.HasAny,
    };
}
