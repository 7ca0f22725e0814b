using System.Diagnostics;
using CsCheck;
using Referral.Api.Tests.Infrastructure;
using Referral.Data;
using Xunit.Abstractions;

namespace Referral.Api.Tests.Services;

/// <summary>
/// The directory search answers exactly as a plain in-memory search over the services the test
/// created: same items, order, totals and distances. Each round adds random services (random
/// codes, statuses and venues among real districts, names that tie on purpose), replaces and
/// retires some, then compares many random queries. Rounds build on one database, so a seed
/// (CsCheck_Seed) replays one round on a fresh one.
/// </summary>
public sealed class SearchPropertyTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly string[] Names = ["Alpha walk", "alpha walk", "Beta group", "Beta group", "Gamma circle", "Walking group", "Café peer circle", "Peer walk and talk"];
    private static readonly string[] Descriptions = ["A weekly walk with a trained peer.", "A friendly group: 100% peer led_", "Support emails.", "Walking together at the cafe."];
    private static readonly string[] Districts = ["LS1", "LS6", "LS8", "LS28", "BD1", "BD7", "HX1", "HD1", "WF1", "YO1", "HG1", "M1", "M14", "SK1", "S1"];
    private static readonly string[] Conditions = ["depression", "loneliness", "ptsd", "long-covid", "chronic-pain"];
    private static readonly string[] Communities = ["carers", "veterans", "lgbtq-plus", "older-people"];
    private static readonly string[] InPerson = ["in-person-group", "one-to-one-in-person"];
    private static readonly string[] Remote = ["online-group", "messages", "one-to-one-remote"];
    private static readonly string[] Languages = ["en", "cy", "pa", "pl"];
    private static readonly string[] Texts = ["walk", "GROUP", " alpha ", "%", "_", "peer led", "gamma", "wa", "walk group", "CAFE", "peer", "g", "circle peer", "walking-group"];
    private static readonly string[] Places = ["LS1", "LS6 3AA", "BD1", "M1 1AE", "YO1", "S1", "SK1"];
    private static readonly double[] Radii = [1, 3, 8, 15, 25, 40, 80, 200];

    private sealed record Spec(string Name, string Description, string? District, string[] Conditions, string[] Communities, string[] Formats, string[] Languages, string Status);

    private sealed record Round(Spec[] Creates, (int Index, Spec Spec)[] Replaces, int[] Retires, SearchQuery[] Queries);

    private static readonly Gen<Spec> GenSpec =
        from name in Gen.OneOf(Names)
        from description in Gen.OneOf(Descriptions)
        from district in Gen.Frequency((4, Gen.OneOf(Districts).Select(d => (string?)d)), (1, Gen.Const((string?)null)))
        from conditions in Gen.Int[0, 3].SelectMany(n => Gen.Shuffle(Conditions, n))
        from communities in Gen.Int[0, 2].SelectMany(n => Gen.Shuffle(Communities, n))
        from inPerson in Gen.Int[0, 2].SelectMany(n => Gen.Shuffle(InPerson, n))
        from remote in Gen.Int[1, 2].SelectMany(n => Gen.Shuffle(Remote, n))
        from languages in Gen.Int[1, 3].SelectMany(n => Gen.Shuffle(Languages, n))
        from status in Gen.OneOf("active", "active", "paused", "closed")
        // A service with no venue is national and may not meet in person.
        select new Spec(name, description, district, conditions, communities, district is null ? remote : [.. inPerson, .. remote], languages, status);

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class => Gen.Frequency((1, gen.Select(v => (T?)v)), (2, Gen.Const((T?)null)));

    private static readonly Gen<SearchQuery> GenQuery =
        from q in Maybe(Gen.OneOf(Texts))
        from condition in Maybe(Gen.OneOf(Conditions))
        from community in Maybe(Gen.OneOf(Communities))
        from format in Maybe(Gen.OneOf([.. InPerson, .. Remote]))
        from language in Maybe(Gen.OneOf(Languages))
        from status in Gen.OneOf<string?>(null, "active", "paused", "closed")
        from near in Gen.Frequency((1, Gen.OneOf(Places).Select(p => (string?)p)), (1, Gen.Const((string?)null)))
        from radius in Gen.Frequency((3, Gen.OneOf(Radii).Select(r => (double?)r)), (1, Gen.Const((double?)null)))
        from page in Gen.OneOf<int?>(null, 1, 1, 2, 3)
        from pageSize in Gen.OneOf<int?>(null, 1, 2, 5, 10)
        select new SearchQuery(q, condition, community, format, language, status, near, near is null ? null : radius, page, pageSize);

    private static readonly Gen<Round> GenRound =
        from creates in GenSpec.Array[12, 20]
        from replaces in Gen.Select(Gen.Int[0, 1000], GenSpec).Array[0, 6]
        from retires in Gen.Int[0, 1000].Array[0, 3]
        from queries in GenQuery.Array[60]
        select new Round(creates, replaces, retires, queries);

    [Fact]
    public async Task Search_answers_as_a_plain_search_over_the_services_created()
    {
        var admin = api.Admin();
        var anonymous = api.Anonymous();
        var districts = ReferenceData.LoadPostcodeDistricts();
        var model = new List<ModelService>();
        var clock = Stopwatch.StartNew();
        var compared = 0;

        await GenRound.SampleAsync(
            async round =>
            {
                foreach (var spec in round.Creates)
                {
                    var created = await ServiceBodies.Create(admin, Body(spec));
                    var id = created["id"]!.GetValue<string>();
                    model.Add(Model(id, spec, created));
                    if (spec.Status == "closed")
                    {
                        await RetireAsync(admin, model, model.Count - 1);
                    }
                }

                foreach (var (index, spec) in round.Replaces)
                {
                    var at = index % model.Count;
                    var body = Body(spec with { Status = spec.Status == "closed" ? "paused" : spec.Status });
                    var replaced = await (await admin.PutAsJsonAsync($"/v1/services/{model[at].Id}", body)).ReadObject(HttpStatusCode.OK);
                    model[at] = Model(model[at].Id, spec, replaced);
                }

                foreach (var index in round.Retires)
                {
                    await RetireAsync(admin, model, index % model.Count);
                }

                foreach (var query in round.Queries)
                {
                    var page = await (await anonymous.GetAsync($"/v1/services?{query.ToQueryString()}")).ReadObject(HttpStatusCode.OK);
                    var (items, total) = ReferenceSearch.Run(model, query, districts);
                    var actual = page["items"]!.AsArray()
                        .Select(i => (i!["service"]!["id"]!.GetValue<string>(), i["distanceKm"]?.GetValue<double>()))
                        .ToList();
                    Assert.True(
                        items.SequenceEqual(actual) && total == page["total"]!.GetValue<int>(),
                        $"?{query.ToQueryString()}: expected {total} [{string.Join(", ", items)}], got {page["total"]} [{string.Join(", ", actual)}]");
                    compared++;
                }
            },
            iter: Check.Seed is null ? 3 : 1,
            // One at a time: each round changes the one directory the next round searches.
            threads: 1,
            writeLine: output.WriteLine);

        output.WriteLine($"{model.Count} services, {compared} queries compared in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task RetireAsync(HttpClient admin, List<ModelService> model, int index)
    {
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/services/{model[index].Id}")).StatusCode);
        model[index] = model[index] with { Status = "closed" };
    }

    private static JsonObject Body(Spec spec) => ServiceBodies.With(b =>
    {
        b["name"] = spec.Name;
        b["description"] = spec.Description;
        b["venuePostcode"] = spec.District is null ? null : spec.District + " 1AA";
        b["serviceArea"] = spec.District is null ? new JsonObject { ["national"] = true } : new JsonObject { ["national"] = false, ["radiusKm"] = 10 };
        b["conditions"] = new JsonArray([.. spec.Conditions.Select(c => JsonValue.Create(c))]);
        b["communities"] = new JsonArray([.. spec.Communities.Select(c => JsonValue.Create(c))]);
        b["formats"] = new JsonArray([.. spec.Formats.Select(c => JsonValue.Create(c))]);
        b["languages"] = new JsonArray([.. spec.Languages.Select(c => JsonValue.Create(c))]);
        b["status"] = spec.Status == "closed" ? "active" : spec.Status;
    });

    // The status as the API answered it (a service created to be closed is retired next).
    // Text search reads the name, the description and the organisation's name.
    private static ModelService Model(string id, Spec spec, JsonObject body) => new(
        id,
        spec.Name,
        $"{spec.Description}\n{body["organisation"]!["name"]!.GetValue<string>()}",
        body["status"]!.GetValue<string>(),
        spec.District,
        spec.Conditions, spec.Communities, spec.Formats, spec.Languages);
}
