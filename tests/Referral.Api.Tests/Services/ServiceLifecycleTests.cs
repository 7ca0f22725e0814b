using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Services;

public sealed class ServiceLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_created_service_can_be_read_back_with_its_etag_and_location()
    {
        var admin = api.Admin();
        var response = await admin.PostAsJsonAsync("/v1/services", ServiceBodies.At("Lifecycle create", "ls1 4ap"));
        var created = await response.ReadObject(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<string>();

        Assert.Equal($"/v1/services/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("LS1 4AP", created["venuePostcode"]!.GetValue<string>());
        Assert.Equal("LS1", created["venueDistrict"]!.GetValue<string>());

        var read = await api.Anonymous().GetAsync($"/v1/services/{id}");
        var service = await read.ReadObject();
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal("Lifecycle create", service["name"]!.GetValue<string>());
        Assert.Equal(1, service["version"]!.GetValue<int>());
        Assert.Equal(["anxiety", "depression"], service["conditions"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task Replacing_with_the_current_etag_bumps_the_version()
    {
        var admin = api.Admin();
        var id = (await ServiceBodies.Create(admin, ServiceBodies.At("Lifecycle replace", "LS6 1AA")))["id"]!.GetValue<string>();

        var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/services/{id}")
        {
            Content = JsonContent.Create(ServiceBodies.With(b => { b["name"] = "Lifecycle replaced"; b["venuePostcode"] = "LS6 1AA"; })),
        };
        request.Headers.IfMatch.ParseAdd("\"1\"");
        var response = await admin.SendAsync(request);
        var replaced = await response.ReadObject();

        Assert.Equal(2, replaced["version"]!.GetValue<int>());
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var read = await (await api.Anonymous().GetAsync($"/v1/services/{id}")).ReadObject();
        Assert.Equal("Lifecycle replaced", read["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replacing_with_a_stale_etag_is_412_and_changes_nothing()
    {
        var admin = api.Admin();
        var id = (await ServiceBodies.Create(admin, ServiceBodies.At("Lifecycle stale", "LS7 1AA")))["id"]!.GetValue<string>();
        await admin.PutAsJsonAsync($"/v1/services/{id}", ServiceBodies.At("Someone else's change", "LS7 1AA"));

        foreach (var ifMatch in new[] { "\"1\"", "W/\"2\"", "\"not-a-version\"" })
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/services/{id}") { Content = JsonContent.Create(ServiceBodies.At("My change", "LS7 1AA")) };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            var problem = await (await admin.SendAsync(request)).AssertProblem(HttpStatusCode.PreconditionFailed);
            Assert.Contains("\"2\"", problem["detail"]!.GetValue<string>());
        }

        var read = await (await api.Anonymous().GetAsync($"/v1/services/{id}")).ReadObject();
        Assert.Equal("Someone else's change", read["name"]!.GetValue<string>());
        Assert.Equal(2, read["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_invalid_replacement_is_refused_and_leaves_the_service_as_it_was()
    {
        var admin = api.Admin();
        var id = (await ServiceBodies.Create(admin, ServiceBodies.At("Lifecycle invalid", "LS8 1AA")))["id"]!.GetValue<string>();

        var response = await admin.PutAsJsonAsync($"/v1/services/{id}", ServiceBodies.With(b => b["cost"] = "priceless"));
        await response.AssertFieldError("cost");

        var read = await (await api.Anonymous().GetAsync($"/v1/services/{id}")).ReadObject();
        Assert.Equal(1, read["version"]!.GetValue<int>());
        Assert.Equal("free", read["cost"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retiring_closes_the_service_without_deleting_it()
    {
        var admin = api.Admin();
        var id = (await ServiceBodies.Create(admin, ServiceBodies.At("Lifecycle retire", "LS9 1AA")))["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/services/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/services/{id}")).StatusCode);

        var read = await (await api.Anonymous().GetAsync($"/v1/services/{id}")).ReadObject();
        Assert.Equal("closed", read["status"]!.GetValue<string>());
        Assert.Equal(2, read["version"]!.GetValue<int>());
        var active = await (await api.Anonymous().GetAsync("/v1/services?q=lifecycle%20retire")).ReadObject();
        Assert.Equal(0, active["total"]!.GetValue<int>());
        var closed = await (await api.Anonymous().GetAsync("/v1/services?q=lifecycle%20retire&status=closed")).ReadObject();
        Assert.Equal(1, closed["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task An_unknown_id_is_404(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"/v1/services/{Guid.NewGuid()}");
        if (method == "PUT")
        {
            request.Content = JsonContent.Create(ServiceBodies.Valid());
        }

        var problem = await (await api.Admin().SendAsync(request)).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("service", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_id_that_is_not_a_uuid_is_404()
    {
        await (await api.Anonymous().GetAsync("/v1/services/not-an-id")).AssertProblem(HttpStatusCode.NotFound);
    }
}
