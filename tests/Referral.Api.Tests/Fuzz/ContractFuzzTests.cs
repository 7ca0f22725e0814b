using System.Diagnostics;
using CsCheck;
using Referral.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Referral.Api.Tests.Fuzz;

/// <summary>
/// Requests built from the served OpenAPI document, for every operation and every kind of key:
/// first as the contract says, then broken in the ways clients break them. Whatever is sent, the
/// API must not fail (no 5xx) and must explain every refusal as an RFC 9457 problem.
///
/// A failure prints CsCheck's seed and the request in full. Replay it with
/// <c>CsCheck_Seed=&lt;seed&gt; dotnet test tests/Referral.Api.Tests --filter FullyQualifiedName~ContractFuzzTests.Any</c>
/// (only that case runs, on fresh rows: a failure that needed rows changed by earlier requests may
/// need the printed request sent by hand). <c>CsCheck_Time=&lt;seconds&gt;</c> fuzzes for longer.
/// </summary>
public sealed class ContractFuzzTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    // A few thousand requests run in seconds over the in-memory server; the cap keeps a slow CI machine from running on.
    private const int Iterations = 2_500;
    private static readonly TimeSpan TimeCap = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_valid_request_of_every_operation_from_every_key_gets_no_5xx_and_any_4xx_is_a_problem()
    {
        // Starting the session sends them and checks every answer.
        var session = await FuzzSession.StartAsync(api);
        for (var operation = 0; operation < session.Contract.Operations.Count; operation++)
        {
            output.WriteLine($"{session.Contract.Operations[operation]}: {string.Join(", ", session.Sweep[operation].Select(a => $"{a.Key} {(int)a.Value}"))}");
        }

        // Otherwise the "valid" requests the fuzzer starts from are not valid, and it fuzzes mostly validation.
        var refused = session.Contract.Operations
            .Where((_, operation) => !session.Sweep[operation].Values.Any(FuzzSession.ReachedItsLogic))
            .Select(o => o.ToString());
        Assert.Empty(refused);
    }

    [Fact]
    public async Task Any_request_built_from_the_contract_gets_no_5xx_and_any_4xx_is_a_problem()
    {
        var session = await FuzzSession.StartAsync(api);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var statuses = new SortedDictionary<int, int>();

        await FuzzCases.Over(session.Contract).SampleAsync(
            async fuzz =>
            {
                if (clock.Elapsed > TimeCap && Check.Time < 0)
                {
                    return;
                }

                var status = (int)await session.SendAsync(fuzz);
                sent++;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            },
            writeLine: output.WriteLine,
            // A seed from a failure replays that one case, not a new search that may end elsewhere.
            iter: Check.Seed is null ? Iterations : 1,
            // One at a time: the shared rows then change in the order the cases come, which a failure's
            // report can be read against, and two cores gain little from more.
            threads: 1,
            print: session.Describe);

        output.WriteLine($"{sent} fuzzed requests in {clock.Elapsed.TotalSeconds:0.0} s (any others were over the time cap); statuses: "
            + string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}")));
    }
}
