using System.CommandLine;
using Referral.Api.Security;
using Referral.Data;
using Referral.Data.Keys;

namespace Referral.Api.Features.Keys;

/// <summary>
/// The host's key management verbs: `keys create`, `keys list`, `keys revoke`. They act on the
/// database the API is configured to use, and print a new key exactly once.
/// </summary>
public static class KeysCommand
{
    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "keys";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddReferralStorage(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyIssuer>();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        try
        {
            app.Services.MigrateDatabase();
            return await Build(app.Services).Parse(args).InvokeAsync();
        }
        catch (StorageFaultException fault)
        {
            Console.Error.WriteLine(fault.Message);
            return 1;
        }
    }

    private static RootCommand Build(IServiceProvider services)
    {
        var role = new Option<string>("--role") { Description = "directory-admin, practice or analyst", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var ods = new Option<string?>("--ods") { Description = "The practice's ODS code (practice keys only), e.g. A81001" };
        var label = new Option<string?>("--label") { Description = "A note for operators, e.g. the practice system's name" };
        var create = new Command("create", "Create a key and print it once") { role, ods, label };
        create.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var (record, key) = await services.GetRequiredService<ApiKeyIssuer>()
                    .IssueAsync(result.GetRequiredValue(role), result.GetValue(ods), result.GetValue(label), cancellationToken);
                Console.WriteLine($"Created {record.Role} key {record.Id}{(record.OdsCode is null ? "" : $" for practice {record.OdsCode}")}.");
                Console.WriteLine("Store it now; it cannot be shown again:");
                Console.WriteLine(key);
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message.Split(" (Parameter")[0]);
                return 2;
            }
        });

        var id = new Argument<Guid>("id") { Description = "The key's id, as printed by create or list" };
        var revoke = new Command("revoke", "Revoke a key; requests with it get 401 from then on") { id };
        revoke.SetAction(async (result, cancellationToken) =>
        {
            var revoked = await services.GetRequiredService<IApiKeyRepository>()
                .RevokeAsync(result.GetValue(id), services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
            Console.WriteLine(revoked ? "Revoked." : "No active key has that id.");
            return revoked ? 0 : 1;
        });

        var list = new Command("list", "List keys (never the keys themselves)");
        list.SetAction(async (_, cancellationToken) =>
        {
            foreach (var key in await services.GetRequiredService<IApiKeyRepository>().ListAsync(cancellationToken))
            {
                var state = key.RevokedAt is null ? "active" : $"revoked {key.RevokedAt:u}";
                Console.WriteLine($"{key.Id}  {key.Prefix}…  {key.Role,-15} {key.OdsCode ?? "-",-7} {state}  {key.Label}");
            }

            return 0;
        });

        return new RootCommand("Referral API") { new Command("keys", "Manage API keys") { create, list, revoke } };
    }
}
