using System.CommandLine;

namespace Referral.Api.CommandLine;

/// <summary>
/// The host's one command line: `serve` (what runs when no verb is given) and the operator's
/// verbs. A first word that is not a verb is an error naming the verbs, never a server that
/// starts because of a typo.
/// </summary>
public static class HostCommandLine
{
    /// <param name="serve">Runs the API with the arguments meant for it (e.g. --urls, --Storage:Sqlite:Path=...).</param>
    public static Task<int> RunAsync(string[] args, Func<string[], Task<int>> serve)
    {
        // Options alone (or nothing) are the server's configuration, as with any ASP.NET Core host.
        if (args.Length == 0 || (args[0].StartsWith('-') && !IsHelp(args[0])))
        {
            return serve(args);
        }

        return Build(serve).Parse(args).InvokeAsync();
    }

    private static RootCommand Build(Func<string[], Task<int>> serve)
    {
        var command = new Command("serve", "Run the API (the default when no command is given); any options are ASP.NET Core configuration, e.g. --urls")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((result, _) => serve([.. result.UnmatchedTokens]));

        return new RootCommand("Referral: peer support referral and matching for UK general practice")
        {
            command,
            KeysCommand.Create(),
            DemoCommand.Create(),
            ImportCommand.Create(),
            StorageCommand.Create(),
        };
    }

    private static bool IsHelp(string arg) => arg is "-h" or "--help" or "-?" or "/?" or "--version";
}
