using System.Reflection;
using System.Text.RegularExpressions;
using Referral.Domain.Vocabulary;

namespace Referral.Domain.Tests;

public sealed partial class VocabularyTests
{
    public static TheoryData<string> Lists() => [.. AllLists().Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Lists))]
    public void Codes_are_unique_lower_case_words_with_labels(string name)
    {
        var list = AllLists().Single(l => l.Name == name);

        Assert.NotEmpty(list.Terms);
        Assert.Equal(list.Codes.Count(), list.Codes.Distinct().Count());
        Assert.All(list.Terms, t => Assert.Matches(Code(), t.Code));
        Assert.All(list.Terms, t => Assert.False(string.IsNullOrWhiteSpace(t.Label)));
    }

    [Fact]
    public void Each_list_has_its_own_name()
    {
        var names = AllLists().Select(l => l.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    private static IEnumerable<TermSet> AllLists() =>
        typeof(TermSet).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(TermSet))
            .Select(f => (TermSet)f.GetValue(null)!);

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*\\z")]
    private static partial Regex Code();
}
