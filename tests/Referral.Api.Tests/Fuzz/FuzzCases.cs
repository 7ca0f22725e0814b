using CsCheck;

namespace Referral.Api.Tests.Fuzz;

/// <summary>The CsCheck generator of fuzzed requests over a contract's operations.</summary>
public static class FuzzCases
{
    /// <summary>Which part of the request a case breaks.</summary>
    private enum Focus { Nothing, Key, Id, Route, Parameter, Body, Media, Several }

    /// <summary>
    /// Most cases break one part of an otherwise valid request, since a request wrong in every way
    /// is turned away at the first check and reaches nothing deeper; some break several at once.
    /// Bodies get the most: they carry the most to get wrong.
    /// </summary>
    public static Gen<FuzzCase> Over(OpenApiContract contract) =>
        Gen.Frequency<FuzzCase>(
            (5, Breaking(Focus.Nothing, contract)),
            (10, Breaking(Focus.Key, contract)),
            (10, Breaking(Focus.Id, contract)),
            (5, Breaking(Focus.Route, contract)),
            (15, Breaking(Focus.Parameter, contract)),
            (30, Breaking(Focus.Body, contract)),
            (10, Breaking(Focus.Media, contract)),
            (15, Breaking(Focus.Several, contract)));

    private static IGen<FuzzCase> Breaking(Focus focus, OpenApiContract contract)
    {
        var choice = Gen.Int[0, 1 << 16];
        return Gen.Select(
            Gen.Int[0, contract.Operations.Count - 1],
            Part(focus, Focus.Key, KeyRole.Admitted),
            Part(focus, Focus.Id, IdVariant.Real),
            Part(focus, Focus.Route, RouteVariant.AsDeclared),
            Part(focus, Focus.Parameter, ParameterVariant.Valid),
            Part(focus, Focus.Body, BodyVariant.Valid),
            Part(focus, Focus.Media, MediaVariant.Json),
            choice,
            choice,
            choice,
            (operation, role, id, route, parameter, body, media, parameterTarget, bodyTarget, pick) =>
                new FuzzCase(operation, role, id, route, parameter, body, media, parameterTarget, bodyTarget, pick));
    }

    /// <summary>As the contract says unless this part is the one broken; when several are, each is sometimes.</summary>
    private static Gen<T> Part<T>(Focus focus, Focus part, T valid) where T : struct, Enum =>
        focus == Focus.Several ? Gen.Frequency<T>((1, (IGen<T>)Gen.Const(valid)), (1, (IGen<T>)Gen.Enum<T>()))
        : focus == part ? Gen.Enum<T>().Where(v => !v.Equals(valid))
        : Gen.Const(valid);
}
