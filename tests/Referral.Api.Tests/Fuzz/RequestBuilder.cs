namespace Referral.Api.Tests.Fuzz;

/// <summary>Turns a fuzz case into a request for its operation, the way the contract describes the operation.</summary>
public sealed class RequestBuilder(OpenApiContract contract, KeyRing keys)
{
    // No HEAD: its answer has no body, so it could never carry a problem.
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private static readonly string[] MalformedMediaTypes =
        ["json", "application/", ";;;", "application/json; charset", "APPLICATION/JSON", "application/problem+json", "application/json;;", "*/*"];

    private readonly BodyMutator _bodies = new(contract.Schemas);

    public ContractOperation OperationOf(FuzzCase fuzz) => contract.Operations[fuzz.Operation % contract.Operations.Count];

    public FuzzRequest Build(FuzzCase fuzz, FuzzResources resources)
    {
        var operation = OperationOf(fuzz);
        var valid = new ValidValues(contract.Schemas, resources);
        var (query, headers) = Parameters(operation, fuzz, valid);
        if (keys.KeyOf(fuzz.Role, fuzz.Pick) is { } key)
        {
            headers.Insert(0, new(contract.KeyHeader, key, fuzz.Role == KeyRole.UnknownKey ? null : $"<the {fuzz.Role} key>"));
        }

        var body = Body(operation, fuzz, valid);
        return new FuzzRequest(
            Method(operation, fuzz),
            Path(operation, fuzz, valid) + query,
            headers,
            body is null ? null : MediaType(fuzz),
            body,
            // Half the bodies announce no length, which the API's size limit must catch as it reads.
            Chunked: ((fuzz.Pick >> 10) & 1) == 1,
            fuzz.Role.ToString());
    }

    private static string Method(ContractOperation operation, FuzzCase fuzz)
    {
        if (fuzz.Route != RouteVariant.UndeclaredMethod)
        {
            return operation.Method;
        }

        var undeclared = Methods.Except(operation.MethodsOfPath).ToList();
        return undeclared.Count > 0 ? MutationValues.Pick(undeclared, fuzz.Pick) : "PATCH";
    }

    private static string Path(ContractOperation operation, FuzzCase fuzz, ValidValues valid)
    {
        var path = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.InPath))
        {
            var id = fuzz.Id switch
            {
                IdVariant.Real => valid.ForParameter(parameter, operation.Path),
                IdVariant.UnknownGuid => Guid.NewGuid().ToString(),
                _ => MutationValues.Pick(MutationValues.NotGuids, fuzz.Pick),
            };
            path = path.Replace("{" + parameter.Name + "}", id, StringComparison.Ordinal);
        }

        return fuzz.Route switch
        {
            RouteVariant.ExtraSegment => path + "/fuzz",
            RouteVariant.TrailingSlash => path + "/",
            _ => path,
        };
    }

    private static (string Query, List<FuzzHeader> Headers) Parameters(ContractOperation operation, FuzzCase fuzz, ValidValues valid)
    {
        var declared = operation.Parameters.Where(p => !p.InPath).ToList();
        var sent = new List<(string Name, bool InHeader, string Value)>();
        for (var i = 0; i < declared.Count; i++)
        {
            // Optional parameters come and go with the bits of the pick; required ones always go.
            if (declared[i].Required || (fuzz.Parameter != ParameterVariant.AllOmitted && ((fuzz.Pick >> i) & 1) == 1))
            {
                sent.Add((declared[i].Name, declared[i].InHeader, valid.ForParameter(declared[i], operation.Path)));
            }
        }

        if (fuzz.Parameter is ParameterVariant.Unknown || (declared.Count == 0 && fuzz.Parameter is not (ParameterVariant.Valid or ParameterVariant.AllOmitted)))
        {
            sent.Add(("fuzz", false, Mutated(fuzz)));
        }
        else if (fuzz.Parameter is not (ParameterVariant.Valid or ParameterVariant.AllOmitted))
        {
            var target = MutationValues.Pick(declared, fuzz.ParameterTarget);
            var validValue = valid.ForParameter(target, operation.Path);
            sent.RemoveAll(p => p.Name == target.Name);
            sent.Add((target.Name, target.InHeader, fuzz.Parameter == ParameterVariant.Repeated ? validValue : Mutated(fuzz)));
            if (fuzz.Parameter == ParameterVariant.Repeated)
            {
                sent.Add((target.Name, target.InHeader, validValue));
            }
        }

        var query = string.Join("&", sent.Where(p => !p.InHeader).Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        var headers = sent.Where(p => p.InHeader).Select(p => new FuzzHeader(p.Name, HeaderSafe(p.Value))).ToList();
        return (query.Length == 0 ? string.Empty : "?" + query, headers);
    }

    private static string Mutated(FuzzCase fuzz) => fuzz.Parameter switch
    {
        ParameterVariant.NotANumber => MutationValues.Pick(MutationValues.ParameterNumbers, fuzz.Pick),
        ParameterVariant.Negative => MutationValues.Pick(MutationValues.ParameterNegatives, fuzz.Pick),
        ParameterVariant.Bounds => MutationValues.Pick(MutationValues.ParameterBounds, fuzz.Pick),
        ParameterVariant.Huge => MutationValues.Pick(MutationValues.ParameterHuge, fuzz.Pick),
        ParameterVariant.Fraction => MutationValues.Pick(MutationValues.ParameterFractions, fuzz.Pick),
        ParameterVariant.Empty => MutationValues.Pick(MutationValues.ParameterEmpty, fuzz.Pick),
        ParameterVariant.OddString => MutationValues.Pick(MutationValues.OddStrings, fuzz.Pick),
        ParameterVariant.LongString => new string(fuzz.Pick % 2 == 0 ? 'x' : 'é', MutationValues.Pick(MutationValues.ParameterLengths, fuzz.Pick / 2)),
        _ => "1",
    };

    private byte[]? Body(ContractOperation operation, FuzzCase fuzz, ValidValues valid)
    {
        if (operation.BodySchema is not null)
        {
            return _bodies.Apply(fuzz.Body, valid.For(operation.BodySchema, null), operation.BodySchema, fuzz.BodyTarget, fuzz.Pick);
        }

        // An operation that takes no body still gets sent one now and then: it must be ignored or refused, never fail.
        return fuzz.Body is BodyVariant.RawText or BodyVariant.OverLimit or BodyVariant.InvalidUtf8
            ? _bodies.Apply(fuzz.Body, new JsonObject { ["fuzz"] = 1 }, null, fuzz.BodyTarget, fuzz.Pick)
            : null;
    }

    private static string? MediaType(FuzzCase fuzz) => fuzz.Media switch
    {
        MediaVariant.Json => "application/json",
        MediaVariant.JsonUtf8 => "application/json; charset=utf-8",
        MediaVariant.CharsetFoo => "application/json; charset=foo",
        MediaVariant.CharsetEmpty => "application/json; charset=\"\"",
        MediaVariant.CharsetUtf7 => "application/json; charset=utf-7",
        MediaVariant.TextPlain => "text/plain",
        MediaVariant.NoContentType => null,
        MediaVariant.FormUrlEncoded => "application/x-www-form-urlencoded",
        _ => MutationValues.Pick(MalformedMediaTypes, fuzz.Pick),
    };

    // HTTP carries header values as visible ASCII; a client library refuses anything else before it is sent.
    private static string HeaderSafe(string value) => string.Concat(value.Select(c => c is >= ' ' and <= '~' ? c : '?'));
}
