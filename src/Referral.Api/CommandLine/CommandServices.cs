using Referral.Api.Features.Importing;
using Referral.Api.Security;
using Referral.Data;

namespace Referral.Api.CommandLine;

/// <summary>
/// What an operator's verb needs: the configured database, migrated, and the services that
/// act on it, without the web server. Configuration comes from the same places as the API's.
/// </summary>
internal static class CommandServices
{
    /// <summary>Runs a verb against the database; a database it cannot use is one line on stderr and exit code 1.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> verb, Action<IServiceCollection>? more = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddReferralStorage(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyIssuer>();
        builder.Services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.Section));
        more?.Invoke(builder.Services);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        try
        {
            app.Services.MigrateDatabase();
            return await verb(app.Services);
        }
        catch (StorageFaultException fault)
        {
            await Console.Error.WriteLineAsync(fault.Message);
            return 1;
        }
    }
}
