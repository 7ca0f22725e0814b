using Referral.Api;
using Referral.Api.Features.Keys;

if (KeysCommand.IsInvoked(args))
{
    return await KeysCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddReferralApi();

var app = builder.Build();
await app.PrepareAsync();
app.UseReferralApi();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
