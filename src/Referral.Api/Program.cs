using Referral.Api;
using Referral.Api.Features.Keys;
using Referral.Data;

if (KeysCommand.IsInvoked(args))
{
    return await KeysCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddReferralApi();

var app = builder.Build();
try
{
    await app.PrepareAsync();
}
catch (StorageFaultException fault)
{
    // The operator needs the file and what is wrong with it; a stack trace says neither.
    app.Logger.LogCritical("Cannot start: {Fault}", fault.Message);
    return 1;
}

app.UseReferralApi();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
