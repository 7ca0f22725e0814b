using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// The contract, the rows ids point at and a client: what sending a fuzz case needs. It starts by
/// sending every operation's valid request with every key, which both checks those answers and
/// learns which key each operation admits.
/// </summary>
public sealed class FuzzSession
{
    private readonly ApiFactory _api;
    private readonly HttpClient _client;
    private readonly FuzzResources _resources;
    private readonly List<Dictionary<KeyRole, HttpStatusCode>> _sweep = [];

    private FuzzSession(ApiFactory api, HttpClient client, OpenApiContract contract, FuzzResources resources)
    {
        _api = api;
        _client = client;
        _resources = resources;
        Contract = contract;
        Builder = new RequestBuilder(contract, new KeyRing(api));
    }

    public OpenApiContract Contract { get; }

    public RequestBuilder Builder { get; }

    /// <summary>For each operation, the status its valid request got from each key.</summary>
    public IReadOnlyList<IReadOnlyDictionary<KeyRole, HttpStatusCode>> Sweep => _sweep;

    public static async Task<FuzzSession> StartAsync(ApiFactory api)
    {
        var client = api.CreateClient();
        var session = new FuzzSession(api, client, await OpenApiContract.ReadAsync(client), await FuzzResources.CreateAsync(api));
        for (var operation = 0; operation < session.Contract.Operations.Count; operation++)
        {
            var answers = new Dictionary<KeyRole, HttpStatusCode>();
            foreach (var role in Enum.GetValues<KeyRole>().Where(r => r != KeyRole.Admitted))
            {
                answers[role] = await session.SendAsync(FuzzCase.Valid(operation, role));
            }

            session._sweep.Add(answers);
        }

        return session;
    }

    /// <summary>
    /// The request got past authentication, routing and validation to the operation's own rules.
    /// A conflict counts: rows changed by earlier requests (an endorsement already given, a
    /// patient reference already taken) are why, not the request's shape.
    /// </summary>
    public static bool ReachedItsLogic(HttpStatusCode status) =>
        (int)status < 400 || status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.UnprocessableEntity;

    /// <summary>Sends the case, checks the answer against the rules and returns its status.</summary>
    public async Task<HttpStatusCode> SendAsync(FuzzCase fuzz)
    {
        var operation = Builder.OperationOf(fuzz);
        if (fuzz.Role == KeyRole.Admitted)
        {
            fuzz = fuzz with { Role = AdmittedTo(fuzz.Operation % Contract.Operations.Count) };
        }

        // A DELETE gets rows of its own: erasing the shared profile or retiring the shared service
        // would turn every later request on them into a plain 404 and fuzz nothing behind it.
        var resources = operation.Method == "DELETE" ? await FuzzResources.CreateAsync(_api) : _resources;
        var request = Builder.Build(fuzz, resources);
        using var message = request.ToMessage();
        using var response = await _client.SendAsync(message);
        await response.AssertFollowsTheRules(request);
        return response.StatusCode;
    }

    public string Describe(FuzzCase fuzz) => $"{Builder.OperationOf(fuzz)}: {fuzz}";

    private KeyRole AdmittedTo(int operation) =>
        Enum.GetValues<KeyRole>()
            .Where(role => operation < _sweep.Count && _sweep[operation].TryGetValue(role, out var status) && ReachedItsLogic(status))
            .DefaultIfEmpty(KeyRole.Anonymous)
            .First();
}
