using System.Diagnostics;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Platform;

/// <summary>The operator's key verbs, run as the real host process against the factory's database.</summary>
public sealed class KeysCommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_key_created_on_the_command_line_works_once_and_not_after_it_is_revoked()
    {
        var created = await Run("keys", "create", "--role", "directory-admin", "--label", "cli test");
        Assert.Equal(0, created.ExitCode);
        var lines = created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines[^1];
        Assert.StartsWith("rk_", key);
        var id = lines[0].Split(' ')[3].TrimEnd('.');

        Assert.Equal(HttpStatusCode.Created, (await api.ClientWithKey(key).PostAsJsonAsync("/v1/services", ServiceBodies.Valid())).StatusCode);

        var listed = await Run("keys", "list");
        Assert.Contains(id, listed.Output);
        Assert.DoesNotContain(key, listed.Output);

        Assert.Equal(0, (await Run("keys", "revoke", id)).ExitCode);
        await (await api.ClientWithKey(key).PostAsJsonAsync("/v1/services", ServiceBodies.Valid())).AssertProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_practice_key_needs_a_valid_ods_code()
    {
        var missing = await Run("keys", "create", "--role", "practice");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("ODS", missing.Error);

        var created = await Run("keys", "create", "--role", "practice", "--ods", "a81001");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("practice A81001", created.Output);
    }

    [Fact]
    public async Task An_unknown_role_is_refused()
    {
        var result = await Run("keys", "create", "--role", "superuser");
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task Keys_list_has_a_header()
    {
        var listed = await Run("keys", "list");

        Assert.Equal(0, listed.ExitCode);
        Assert.Matches(@"^id\s+prefix\s+role\s+ods\s+state\s+label", listed.Output);
    }

    [Theory]
    [InlineData("key", "list")]
    [InlineData("imports")]
    [InlineData("kyes")]
    public async Task An_unknown_verb_is_an_error_naming_the_verbs_not_a_server_that_starts(params string[] args)
    {
        var result = await Run(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("Now listening", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("Unrecognized command", result.Error, StringComparison.Ordinal);
        Assert.Contains("keys", result.Output + result.Error, StringComparison.Ordinal);
        Assert.Contains("serve", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var help = await Run("--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("serve", help.Output, StringComparison.Ordinal);
        Assert.Contains("keys", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storage_compact_rewrites_the_personal_tables_on_postgresql_and_has_nothing_to_do_on_sqlite()
    {
        var compact = await Run("storage", "compact");

        Assert.Equal(0, compact.ExitCode);
        Assert.Contains(TestStorage.IsPostgres ? "Compacted profiles, referrals" : "Nothing to do", compact.Output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        // Make sure the factory has created and migrated its database first.
        _ = api.Services;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Referral.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        TestStorage.UseIn(start.Environment, api.DatabasePath, () => api.Postgres);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A verb that started a server would never exit: the timeout fails the test instead of hanging it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
