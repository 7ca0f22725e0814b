using Referral.Api.Security;

namespace Referral.Api.CommandLine;

/// <summary>
/// What an operator's verb needs: the configured database, migrated, and the services that
/// act on it, without the web server. Configuration comes from the same places as the API's.
/// </summary>
internal static class CommandServices
{
    public static WebApplication Open()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddReferralStorage(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyIssuer>();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Services.MigrateDatabase();
        return app;
    }
}
