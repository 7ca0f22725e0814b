using System.ComponentModel.DataAnnotations;
using Referral.Api.Validation;

namespace Referral.Api.Tests.Platform;

/// <summary>
/// The control-character guard and the declared limits walk every request type, so a field is
/// covered the day it is added, including inside lists of records and record structs, which no
/// request has yet.
/// </summary>
public sealed class RequestWalkTests
{
    [Fact]
    public void Control_characters_are_found_inside_lists_of_records_and_record_structs()
    {
        var request = new Outer([new Inner("fine"), new Inner("bell\u0007")], new Pair("new\nline"), "ok");

        Assert.Equal(["items[1].name", "pair.code"], ControlCharacters.FieldsWithControlCharacters(request));
    }

    [Fact]
    public void Declared_limits_are_checked_inside_lists_of_records_and_record_structs()
    {
        var request = new Outer([new Inner("ok"), new Inner("too long")], new Pair("long"), "ok");

        Assert.Equal(["items[1].name", "pair.code"], DeclaredLimits.Broken(request).Select(b => b.Key));
    }

    [Fact]
    public void A_clean_request_passes_both()
    {
        var request = new Outer([new Inner("ok")], new Pair("ab"), "ok");

        Assert.Empty(ControlCharacters.FieldsWithControlCharacters(request));
        Assert.Empty(DeclaredLimits.Broken(request));
    }

    public sealed record Outer(IReadOnlyList<Inner> Items, Pair Pair, [property: MaxLength(5)] string Name);

    public sealed record Inner([property: MaxLength(4)] string Name);

    public readonly record struct Pair([property: MaxLength(3)] string Code);
}
