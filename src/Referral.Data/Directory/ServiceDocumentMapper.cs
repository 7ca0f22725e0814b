using Referral.Domain.Directory;
using Riok.Mapperly.Abstractions;

namespace Referral.Data.Directory;

/// <summary>
/// The domain's service description to and from its stored document, generated member by member
/// (Mapperly): a property added to one side and not the other fails the build, so nothing
/// reaches the disk without a pinned name in <see cref="ServiceDocument"/>.
/// </summary>
[Mapper]
internal static partial class ServiceDocumentMapper
{
    public static partial ServiceDocument ToDocument(ServiceInput input);

    public static partial ServiceInput ToDomain(ServiceDocument document);
}
