namespace Referral.Domain.Profiles;

/// <summary>
/// A stored profile. Details is what the practice sent, reduced to what matching needs: the
/// postcode is replaced by its district, and the NHS number is kept apart (normalised) so it is
/// never part of the details that other code reads or stores.
/// </summary>
public sealed record Profile(
    Guid Id,
    string OdsCode,
    int Version,
    string? NhsNumber,
    ProfileInput Details,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string PostcodeDistrict => Details.Postcode;
}
