namespace Referral.Api.Features.Oruk;

/// <summary>What the feed's GET / says of itself (configuration section "Oruk").</summary>
public sealed class OrukOptions
{
    public const string Section = "Oruk";

    /// <summary>The version string the ORUK validator chooses its rules by.</summary>
    public const string Version = "HSDS-UK-3.0";

    public string Profile { get; set; } = "https://openreferraluk.org/specifications/3.0";

    /// <summary>The specification the feed follows: by default the official ORUK 3.0 OpenAPI file.</summary>
    public string OpenApiUrl { get; set; } = "https://openreferraluk.org/specifications/3.0/openapi.json";
}
