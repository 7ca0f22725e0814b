using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Tests.Infrastructure;
using Referral.Data;
using Referral.Data.Sqlite;

namespace Referral.Api.Tests.Storage;

/// <summary>
/// The API's write connections can be switched to SQLite's query_only, which refuses every
/// change with SQLITE_READONLY, the error a file or volume that cannot be written gives. Tests
/// run as root, and root writes files whatever their permissions, so a chmod proves nothing.
/// </summary>
public sealed class SwitchableApi : ApiFactory
{
    public ReadOnlySwitch Switch => (ReadOnlySwitch)Services.GetRequiredService<SqliteConnectionFactory>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<SqliteConnectionFactory>(
            provider => new ReadOnlySwitch(DatabasePath, provider.GetRequiredService<StorageHealth>())));
    }

    public sealed class ReadOnlySwitch(string path, StorageHealth health) : SqliteConnectionFactory(path, null, health)
    {
        private volatile bool _readOnly;

        public bool ReadOnly
        {
            get => _readOnly;
            set => _readOnly = value;
        }

        protected override async Task PrepareWriteAsync(SqliteConnection connection, CancellationToken cancellationToken)
        {
            await base.PrepareWriteAsync(connection, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ReadOnly ? "PRAGMA query_only = ON" : "PRAGMA query_only = OFF";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

public sealed class ReadOnlyDatabaseTests(SwitchableApi api) : IClassFixture<SwitchableApi>
{
    [SqliteFact("a database file that turns read-only")]
    public async Task A_read_only_database_refuses_writes_with_503_and_keeps_reading()
    {
        var admin = api.Admin();
        var existing = await ServiceBodies.Create(admin, ServiceBodies.Valid());

        api.Switch.ReadOnly = true;
        await (await admin.PostAsJsonAsync("/v1/services", ServiceBodies.Valid())).AssertRefused("Database is read-only");
        await (await admin.DeleteAsync($"/v1/services/{existing["id"]}")).AssertRefused("Database is read-only");
        var page = await (await api.Anonymous().GetAsync("/v1/services")).ReadObject();
        Assert.Equal(1, page["total"]!.GetValue<int>());
        var service = await (await api.Anonymous().GetAsync($"/v1/services/{existing["id"]}")).ReadObject();
        Assert.Equal("active", service["status"]!.GetValue<string>());
        await api.AssertNotReady(because: "read-only");

        api.Switch.ReadOnly = false;
        await ServiceBodies.Create(admin, ServiceBodies.Valid());
        await api.AssertReady();
    }
}
