using PdfSharp.Fonts;

namespace Referral.Api.Features.GpRecord;

/// <summary>
/// The one typeface of the summary PDF, DejaVu Sans (Bitstream Vera licence, Fonts/LICENSE),
/// embedded in the assembly: PDFsharp finds no fonts of its own outside Windows, and a document
/// filed in a patient's record must look the same whatever machine rendered it.
/// </summary>
public sealed class SummaryFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process (PDFsharp's font settings are global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not SummaryFonts)
            {
                GlobalFontSettings.FontResolver = new SummaryFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(SummaryFonts).Assembly.GetManifestResourceStream($"Referral.Api.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
