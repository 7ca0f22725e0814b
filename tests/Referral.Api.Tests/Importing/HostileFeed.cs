using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Referral.Api.Tests.Importing;

/// <summary>
/// A real HTTP server on a loopback port, serving ORUK feeds good and hostile under /{feed}:
/// good (two valid records), huge (a body over the limit), deep (nesting beyond the limit),
/// endless (pages without end), slow (an answer after the timeout), strings (one record with a
/// huge description), redirect (to elsewhere). It counts the requests it gets.
/// </summary>
public sealed class HostileFeed : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private HostileFeed(WebApplication app) => _app = app;

    public int Requests => Volatile.Read(ref _requests);

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<HostileFeed> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var feed = new HostileFeed(app);
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref feed._requests);
            return next(context);
        });
        app.MapGet("/good/services", () => Results.Text(Page([Record("good-1", "Good Feed One"), Record("good-2", "Good Feed Two")], last: true), "application/json"));
        app.MapGet("/huge/services", () => Results.Text(Page([Record("huge-1", "Huge " + new string('x', 300_000))], last: true), "application/json"));
        app.MapGet("/deep/services", () => Results.Text(new string('[', 5000) + new string(']', 5000), "application/json"));
        app.MapGet("/endless/services", (int page) => Results.Text(Page([Record($"endless-{page}", $"Endless Page {page}")], last: false, totalPages: 100_000_000), "application/json"));
        app.MapGet("/slow/services", async (CancellationToken cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return Results.Text(Page([Record("slow-1", "Slow One")], last: true), "application/json");
        });
        app.MapGet("/strings/services", () => Results.Text(Page([Record("strings-1", "Strings Fine"), Record("strings-2", "Strings Huge", description: new string('y', 20_000))], last: true), "application/json"));
        app.MapGet("/redirect/services", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        await app.StartAsync();
        feed.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return feed;
    }

    public string Url(string feed) => $"{BaseUrl}/{feed}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A valid ORUK record: an online national service coded with our own taxonomies.</summary>
    public static JsonObject Record(string id, string name, string? description = null) => new()
    {
        ["id"] = new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)).AsSpan(0, 16)).ToString(),
        ["name"] = name,
        ["description"] = description ?? $"{name}: a made-up online group.",
        ["status"] = "active",
        ["email"] = "hello@example.org.uk",
        ["organization"] = new JsonObject { ["id"] = Guid.Empty.ToString(), ["name"] = "Hostile Feed Org", ["description"] = "Made up." },
        ["service_areas"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["extent_type"] = "national" }),
        ["attributes"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["taxonomy_term"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Online group", ["description"] = "x", ["taxonomy"] = "formats", ["term"] = "online-group" },
        }),
    };

    private static string Page(JsonObject[] records, bool last, int totalPages = 1) => new JsonObject
    {
        ["total_items"] = records.Length,
        ["total_pages"] = totalPages,
        ["page_number"] = 1,
        ["size"] = records.Length,
        ["first_page"] = true,
        ["last_page"] = last,
        ["empty"] = records.Length == 0,
        ["contents"] = new JsonArray([.. records]),
    }.ToJsonString();
}
