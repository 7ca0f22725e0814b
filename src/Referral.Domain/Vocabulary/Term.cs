using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Referral.Domain.Vocabulary;

/// <summary>One entry of a controlled vocabulary: a stable API code and the words a person reads.</summary>
public sealed record Term(string Code, string Label)
{
    /// <summary>
    /// What the code covers, in a sentence, where the label alone could be read more than one
    /// way (conditions and communities): a GP coding a patient and an administrator coding a
    /// service must mean the same thing by it. Null where the label says it all.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Description("What the code covers, where the label alone could be read more than one way (every condition and community has one).")]
    public string? Definition { get; init; }
}

/// <summary>A controlled vocabulary: the codes the API accepts for one field.</summary>
public sealed class TermSet
{
    private readonly Dictionary<string, int> _index;

    public TermSet(string name, IEnumerable<Term> terms)
    {
        Name = name;
        Terms = terms.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Terms.Count; i++)
        {
            _index.Add(Terms[i].Code, i);
        }
    }

    public string Name { get; }

    public IReadOnlyList<Term> Terms { get; }

    public IEnumerable<string> Codes => Terms.Select(t => t.Code);

    public bool Contains(string? code) => code is not null && _index.ContainsKey(code);

    /// <summary>Position of a code in the vocabulary, used to pack a set of codes into a bit set.</summary>
    public int IndexOf(string code) => _index.TryGetValue(code, out var i) ? i : -1;

    public string Describe() => string.Join(", ", Codes);
}
