using Referral.Domain.Profiles;
using Riok.Mapperly.Abstractions;

namespace Referral.Data.Profiles;

/// <summary>
/// A profile's details to and from their stored document, generated member by member
/// (Mapperly): a property added to one side and not the other fails the build, so nothing
/// reaches the disk without a pinned name in <see cref="ProfileDocument"/>.
/// </summary>
[Mapper]
internal static partial class ProfileDocumentMapper
{
    public static partial ProfileDocument ToDocument(ProfileInput details);

    // The document's nhsNumber is always null: the number is stored in its own column.
    [MapperIgnoreSource(nameof(ProfileDocument.NhsNumber))]
    public static partial ProfileInput ToDomain(ProfileDocument document);
}
