using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Referral.Api.Features.GpRecord;

/// <summary>
/// The closure summary as an A4 PDF a practice can file in the patient's record as a document
/// (as GP Connect Send Document or an IM1 integration would). The same sections as the FHIR
/// document, from the same <see cref="SharedReferral"/>, so it shows no more than the patient agreed to.
/// </summary>
public static class SummaryPdf
{
    public const string MediaType = "application/pdf";

    private const double Margin = 56;

    public static byte[] Render(SharedReferral summary, DateTimeOffset now)
    {
        SummaryFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "Peer support referral: closure summary";
        document.Info.Subject = $"Referral {summary.ReferralId}";
        document.Info.Creator = "Referral API";

        var writer = new PageWriter(document);
        writer.Heading("Peer support referral: closure summary", 16);
        writer.Line($"Referral {summary.ReferralId} · practice {summary.Practice} · produced {SummaryBundle.Date(now)}", 8.5, XColors.DimGray);
        writer.Line(summary.RecordSharing == Domain.GpRecord.RecordSharing.FullSummary
            ? "Shared with the patient's agreement: full summary."
            : "Shared with the patient's agreement: codes only (no free text, names or notes).", 8.5, XColors.DimGray);
        writer.Gap(10);
        writer.Section("Referral", SummaryBundle.ReferralText(summary));
        writer.Section("Outcome", SummaryBundle.OutcomeText(summary));
        writer.Section("Codes to file", SummaryBundle.CodesText(summary));
        writer.Finish();

        using var bytes = new MemoryStream();
        document.Save(bytes, closeStream: false);
        return bytes.ToArray();
    }

    /// <summary>Writes wrapped lines down A4 pages, starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public void Heading(string text, double size) => Line(text, size, XColors.Black, bold: true);

        public void Section(string title, IEnumerable<string> lines)
        {
            Gap(6);
            Line(title, 12, XColors.DarkSlateBlue, bold: true);
            foreach (var line in lines)
            {
                Line(line, 10, XColors.Black);
            }
        }

        public void Gap(double points) => _y += points;

        public void Line(string text, double size, XColor colour, bool bold = false)
        {
            var font = new XFont(SummaryFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var brush = new XSolidBrush(colour);
            foreach (var wrapped in Wrap(text, font))
            {
                var graphics = Room(size * 1.45);
                graphics.DrawString(wrapped, font, brush, new XRect(Margin, _y, Width, size * 1.45), XStringFormats.TopLeft);
                _y += size * 1.45;
            }
        }

        public void Finish() => _graphics?.Dispose();

        private double Width => (_page?.Width.Point ?? XUnit.FromMillimeter(210).Point) - (2 * Margin);

        private XGraphics Room(double height)
        {
            if (_graphics is null || _page is null || _y + height > _page.Height.Point - Margin)
            {
                _graphics?.Dispose();
                _page = document.AddPage();
                _page.Size = PageSize.A4;
                _graphics = XGraphics.FromPdfPage(_page);
                _y = Margin;
            }

            return _graphics;
        }

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            var measure = Room(0);
            var line = string.Empty;
            foreach (var word in text.Replace('\t', ' ').Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && measure.MeasureString(candidate, font).Width > Width)
                {
                    yield return line;
                    candidate = word;
                }

                line = candidate;
            }

            yield return line;
        }
    }
}
