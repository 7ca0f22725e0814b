using System.CommandLine;
using Referral.Api.Security;
using Referral.Data.Keys;

namespace Referral.Api.CommandLine;

/// <summary>
/// The key management verbs: `keys create`, `keys list`, `keys revoke`. They act on the
/// database the API is configured to use, and print a new key exactly once.
/// </summary>
public static class KeysCommand
{
    public static Command Create() => new("keys", "Manage API keys") { CreateKey(), List(), Revoke() };

    private static Command CreateKey()
    {
        var role = new Option<string>("--role") { Description = "directory-admin, practice or analyst", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var ods = new Option<string?>("--ods") { Description = "The practice's ODS code (practice keys only), e.g. A81001" };
        var label = new Option<string?>("--label") { Description = "A note for operators, e.g. the practice system's name" };
        var create = new Command("create", "Create a key and print it once") { role, ods, label };
        create.SetAction((result, cancellationToken) => CommandServices.RunAsync(async services =>
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
        }));
        return create;
    }

    private static Command Revoke()
    {
        var id = new Argument<Guid>("id") { Description = "The key's id, as printed by create or list" };
        var revoke = new Command("revoke", "Revoke a key; requests with it get 401 from then on") { id };
        revoke.SetAction((result, cancellationToken) => CommandServices.RunAsync(async services =>
        {
            var revoked = await services.GetRequiredService<IApiKeyRepository>()
                .RevokeAsync(result.GetValue(id), services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
            Console.WriteLine(revoked ? "Revoked." : "No active key has that id.");
            return revoked ? 0 : 1;
        }));
        return revoke;
    }

    private static Command List()
    {
        var list = new Command("list", "List keys (never the keys themselves)");
        list.SetAction((_, cancellationToken) => CommandServices.RunAsync(async services =>
        {
            Console.WriteLine($"{"id",-36}  {"prefix",-9}  {"role",-15} {"ods",-7} {"state",-28}  label");
            foreach (var key in await services.GetRequiredService<IApiKeyRepository>().ListAsync(cancellationToken))
            {
                var state = key.RevokedAt is null ? "active" : $"revoked {key.RevokedAt:u}";
                Console.WriteLine($"{key.Id,-36}  {key.Prefix + "…",-9}  {key.Role,-15} {key.OdsCode ?? "-",-7} {state,-28}  {key.Label}");
            }

            return 0;
        }));
        return list;
    }
}
