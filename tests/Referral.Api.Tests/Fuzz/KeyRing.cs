using Referral.Api.Tests.Infrastructure;

namespace Referral.Api.Tests.Fuzz;

/// <summary>The key each role sends, issued by the test server the way operators issue them.</summary>
public sealed class KeyRing(ApiFactory api)
{
    // Not issued, in the API's own format and not.
    private static readonly string[] UnknownKeys = ["rk_" + new string('A', 43), "not-a-key", " ", new string('k', 4_000)];

    public string? KeyOf(KeyRole role, int pick) => role switch
    {
        KeyRole.Anonymous => null,
        KeyRole.DirectoryAdmin => api.AdminKey,
        KeyRole.PracticeA => api.PracticeAKey,
        KeyRole.PracticeB => api.PracticeBKey,
        KeyRole.Analyst => api.AnalystKey,
        KeyRole.UnknownKey => MutationValues.Pick(UnknownKeys, pick),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Resolve Admitted to a role first."),
    };
}
