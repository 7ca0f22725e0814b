using System.Text.Json;
using FluentValidation;
using Referral.Api.Features.Services;
using Referral.Api.Security;
using Referral.Data.Directory;
using Referral.Data.Keys;

namespace Referral.Api.Demo;

/// <summary>
/// The demo directory (db/seed/services.json) and one well-known key per role, for the
/// Development environment only: Production starts empty and has no demo key.
/// </summary>
public static partial class DemoData
{
    public static readonly IReadOnlyList<DemoKey> Keys =
    [
        new("demo-directory-admin-key", Roles.DirectoryAdmin, null),
        new("demo-practice-a81001-key", Roles.Practice, "A81001"),
        new("demo-practice-a81002-key", Roles.Practice, "A81002"),
        new("demo-analyst-key", Roles.Analyst, null),
    ];

    private static readonly HashSet<string> KeyHashes = Keys.Select(k => ApiKeys.Hash(k.Key)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a key hash is one of the well-known demo keys, which anyone can read in the README.</summary>
    public static bool IsDemoKeyHash(string hash) => KeyHashes.Contains(hash);

    /// <summary>
    /// Outside Development the demo keys are refused whatever the database holds; a database
    /// that a Development run seeded still holds them, and an operator should know and revoke them.
    /// </summary>
    public static async Task WarnOfDemoKeysAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var keys = services.GetRequiredService<IApiKeyRepository>();
        var found = 0;
        foreach (var demo in Keys)
        {
            if (await keys.FindActiveAsync(ApiKeys.Hash(demo.Key), cancellationToken) is not null)
            {
                found++;
            }
        }

        if (found > 0)
        {
            LogDemoKeysRefused(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData)), found);
        }
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));
        var directory = services.GetRequiredService<IServiceRepository>();
        if (await directory.CountAsync(cancellationToken) == 0)
        {
            var seeded = await SeedDirectoryAsync(services, directory, cancellationToken);
            LogSeededDirectory(logger, seeded);
        }

        var keys = services.GetRequiredService<IApiKeyRepository>();
        var issuer = services.GetRequiredService<ApiKeyIssuer>();
        foreach (var demo in Keys)
        {
            if (await keys.FindActiveAsync(ApiKeys.Hash(demo.Key), cancellationToken) is null)
            {
                await issuer.AddAsync(demo.Key, demo.Role, demo.OdsCode, "demo", cancellationToken);
            }

            LogDemoKey(logger, demo.Role, demo.OdsCode ?? "-", demo.Key);
        }
    }

    private static async Task<int> SeedDirectoryAsync(IServiceProvider services, IServiceRepository directory, CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("Referral.Api.Demo.services.json")
            ?? throw new InvalidOperationException("The demo directory is missing from the build.");
        var json = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var demo = await JsonSerializer.DeserializeAsync<List<ServiceBody>>(stream, json, cancellationToken) ?? [];
        var validator = services.GetRequiredService<IValidator<ServiceBody>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var service in demo)
        {
            // The demo goes through the same rules as the API, so it can never show what the API would refuse.
            await validator.ValidateAndThrowAsync(service, cancellationToken);
            await directory.CreateAsync(service.ToDomain(), now, cancellationToken);
        }

        return demo.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This database holds {Count} active demo keys from a Development run. Outside Development they are refused; revoke them with 'keys list' and 'keys revoke <key id>'.")]
    private static partial void LogDemoKeysRefused(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo directory with {Count} services.")]
    private static partial void LogSeededDirectory(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo key (Development only) for {Role} {OdsCode}: {Key}")]
    private static partial void LogDemoKey(ILogger logger, string role, string odsCode, string key);
}

public sealed record DemoKey(string Key, string Role, string? OdsCode);
