using Referral.Domain.Profiles;

namespace Referral.Data.Profiles;

/// <summary>A profiles row as every provider reads it, and what a write or an erasure stores.</summary>
internal sealed class ProfileRow
{
    public const string Columns =
        "id AS Id, ods_code AS OdsCode, version AS Version, nhs_number AS NhsNumber, document AS Document, created_at AS CreatedAt, updated_at AS UpdatedAt";

    /// <summary>What an erasure takes out of each of the profile's referrals, as its audit row says.</summary>
    public static readonly object ErasureDetail = new { removed = new[] { "profileId", "endorsement note", "withdrawal reason", "event notes", "outcome measures" } };

    public Guid Id { get; init; }
    public string OdsCode { get; init; } = string.Empty;
    public int Version { get; init; }
    public string? NhsNumber { get; init; }
    public string Document { get; init; } = string.Empty;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The NHS number is kept in its own column: the details, and so the document, never hold it.</summary>
    public static string DocumentOf(ProfileInput details) => DocumentJson.Write(ProfileDocumentMapper.ToDocument(details));

    public Profile ToProfile() => new(
        Id,
        OdsCode,
        Version,
        NhsNumber,
        ProfileDocumentMapper.ToDomain(DocumentJson.Read<ProfileDocument>(Document, $"Profile {Id}")),
        CreatedAt,
        UpdatedAt);
}
