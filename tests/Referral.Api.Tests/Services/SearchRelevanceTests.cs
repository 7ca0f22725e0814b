using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Services;

/// <summary>What a receptionist typing into a search box expects of q.</summary>
public sealed class SearchRelevanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<List<string>> Names(string query)
    {
        var page = await (await api.Anonymous().GetAsync("/v1/services?" + query)).ReadObject();
        return [.. page["items"]!.AsArray().Select(i => i!["service"]!["name"]!.GetValue<string>())];
    }

    private async Task Create(string name, string description)
    {
        var body = ServiceBodies.OnlineNational(name);
        body["description"] = description;
        await ServiceBodies.Create(api.Admin(), body);
    }

    [Fact]
    public async Task Services_named_for_the_words_come_before_those_that_only_mention_them()
    {
        await Create("Aardvark friends", "A memory club for people living with dementia and their carers.");
        await Create("Dementia carers circle", "Carers of people with dementia meet online.");
        await Create("Dementia friendly singing", "Singing for the brain.");
        await Create("Zebra group", "Peer support after a stroke.");

        // Both words in the name before only in the description, and every word must be found
        // somewhere; then one word in the name before none; by name within each.
        Assert.Equal(["Dementia carers circle", "Aardvark friends"], await Names("q=dementia%20carers"));
        Assert.Equal(["Dementia carers circle", "Dementia friendly singing", "Aardvark friends"], await Names("q=dementia"));
    }

    [Fact]
    public async Task A_word_is_found_by_its_start_whatever_its_case_or_accents()
    {
        await Create("Café conversations", "Bereavement peer support over coffee.");

        Assert.Equal(["Café conversations"], await Names("q=cafe"));
        Assert.Equal(["Café conversations"], await Names("q=BEREAV"));
        Assert.Equal(["Café conversations"], await Names("q=conv%20coff"));
        // The start of a word, not its middle, and every word must be found.
        Assert.Empty(await Names("q=reavement"));
        Assert.Empty(await Names("q=bereavement%20knitting"));
    }
}
