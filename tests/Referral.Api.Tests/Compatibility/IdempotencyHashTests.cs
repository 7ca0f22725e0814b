using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referral.Api.Features.Referrals;
using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Compatibility;

/// <summary>
/// A stored Idempotency-Key keeps the SHA-256 of the request body as the filter serialized it
/// (the wire record, with the API's JSON options). If that text changed for the same JSON (a
/// member renamed or moved in ReferralBody, EndorsementBody or RegistrationBody), a client
/// retrying a referral made before a release would get 422 instead of its first answer. This is
/// the text hashed when the request type was still the domain's ReferralInput, member order included.
/// </summary>
public sealed class IdempotencyHashTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void A_referral_body_serializes_for_hashing_as_it_always_has()
    {
        var json = api.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = new ReferralBody
        {
            ProfileId = new Guid("5f0c7a9e-3b2d-4c1a-9e8f-7a6b5c4d3e2f"),
            ServiceId = new Guid("a2efcaf9-ea9a-4756-bf94-0e28ac6aa222"),
            RecommendationId = new Guid("1b63c5f5-ad00-4d48-82ea-29de6e648cd3"),
            Route = "signpost",
            Source = "gp",
            Endorsement = new EndorsementBody
            {
                ClinicianName = "Dr Amara Okafor",
                Role = "gp",
                Registration = new RegistrationBody { Body = "gmc", Number = "1234567" },
                Note = "Worth a try.",
                EndorsedAt = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero),
            },
        };

        Assert.Equal(
            """{"profileId":"5f0c7a9e-3b2d-4c1a-9e8f-7a6b5c4d3e2f","serviceId":"a2efcaf9-ea9a-4756-bf94-0e28ac6aa222","recommendationId":"1b63c5f5-ad00-4d48-82ea-29de6e648cd3","route":"signpost","source":"gp","endorsement":{"clinicianName":"Dr Amara Okafor","role":"gp","registration":{"body":"gmc","number":"1234567"},"note":"Worth a try.","endorsedAt":"2026-11-20T10:30:00+00:00"}}""",
            JsonSerializer.Serialize(body, json));
    }
}
