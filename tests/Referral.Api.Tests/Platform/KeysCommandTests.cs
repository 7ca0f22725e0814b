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

        start.Environment["Storage__Sqlite__Path"] = api.DatabasePath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
