namespace Referral.Api.Tests.Infrastructure.Contract;

/// <summary>Checks every response a test client receives against the contract.</summary>
public sealed class ContractCheckingHandler(Func<Task<ResponseContract>> contract) : DelegatingHandler
{
    private static int _checked;

    /// <summary>Responses checked in this test run, across every factory.</summary>
    public static int Checked => Volatile.Read(ref _checked);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // Buffered, so the test can still read the body after the check has.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var violation = await (await contract()).ViolationAsync(request, response);
        Interlocked.Increment(ref _checked);
        if (violation is not null)
        {
            throw new ContractViolationException(violation);
        }

        return response;
    }
}
