namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// Who sends the request. Each practice key is bound to its own practice; the rows ids point at
/// belong to A. Admitted is the first key the valid sweep saw the operation accept, so that most
/// fuzzed requests get past authentication to the body and the rows behind it.
/// </summary>
public enum KeyRole { Admitted, Anonymous, DirectoryAdmin, PracticeA, PracticeB, Analyst, UnknownKey }

/// <summary>What a path id is. Real names a row the test created.</summary>
public enum IdVariant { Real, UnknownGuid, NotAGuid }

/// <summary>How the request line departs from the contract, to reach the framework's own 404 and 405.</summary>
public enum RouteVariant { AsDeclared, UndeclaredMethod, ExtraSegment, TrailingSlash }

/// <summary>What happens to one query or header parameter.</summary>
public enum ParameterVariant { Valid, AllOmitted, NotANumber, Negative, Bounds, Huge, Fraction, Empty, OddString, LongString, Repeated, Unknown }

/// <summary>What happens to the JSON body. Valid is the schema's example with real ids.</summary>
public enum BodyVariant
{
    Valid, WrongType, Null, MissingRequired, UnknownField, AtBound, PastBound, LongString, OddString,
    RawText, InvalidUtf8, OverLimit, Missing,
}

/// <summary>The Content-Type sent with a body.</summary>
public enum MediaVariant { Json, JsonUtf8, CharsetFoo, CharsetEmpty, CharsetUtf7, TextPlain, NoContentType, FormUrlEncoded, Malformed }

/// <summary>
/// One fuzzed request as a set of choices, 0 meaning "as the contract says" in every dimension, so
/// that CsCheck shrinks a failure towards the valid request it departs from. Targets and picks are
/// taken modulo whatever they choose among (parameters, body locations, values).
/// </summary>
public sealed record FuzzCase(
    int Operation,
    KeyRole Role,
    IdVariant Id,
    RouteVariant Route,
    ParameterVariant Parameter,
    BodyVariant Body,
    MediaVariant Media,
    int ParameterTarget,
    int BodyTarget,
    int Pick)
{
    public static FuzzCase Valid(int operation, KeyRole role) =>
        new(operation, role, IdVariant.Real, RouteVariant.AsDeclared, ParameterVariant.Valid, BodyVariant.Valid, MediaVariant.Json, 0, 0, 0);
}
