using Referral.Api;
using Referral.Api.CommandLine;

return await HostCommandLine.RunAsync(args, Serve);

static async Task<int> Serve(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddReferralApi();

    var app = builder.Build();
    await app.PrepareAsync();
    app.UseReferralApi();
    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
