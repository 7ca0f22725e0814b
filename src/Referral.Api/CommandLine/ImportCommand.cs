using System.CommandLine;
using Referral.Api.Features.Importing;
using Referral.Api.Features.Services;

namespace Referral.Api.CommandLine;

/// <summary>
/// `import oruk &lt;feed URL, file or folder&gt;`: the importer run by an operator against the
/// configured database, with a progress bar and the report printed at the end. Exit code 0 when
/// the import completed (rejected records included), 1 when it stopped early.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "The feed's base URL, or a file or folder of ORUK JSON" };
        var oruk = new Command("oruk", "Import an Open Referral UK 3.0 feed into the directory") { source };
        oruk.SetAction((result, cancellationToken) => CommandServices.RunAsync(async services =>
        {
            var importer = ActivatorUtilities.CreateInstance<OrukImporter>(services);
            var progress = new Progress<ImportProgress>(p => Console.Error.Write($"\rImporting: {Bar(p.Pages)} {p.Pages} pages, {p.Records} services"));
            var report = await importer.RunAsync(result.GetRequiredValue(source), progress, cancellationToken);
            Console.Error.WriteLine();
            Console.WriteLine($"{report.Outcome}: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, {report.Closed} closed, {report.Rejected} rejected ({report.Records} records, {report.Pages} pages).");
            if (report.Error is not null)
            {
                Console.WriteLine($"Stopped: {report.Error}");
            }

            foreach (var rejected in report.RejectedRecords)
            {
                Console.WriteLine($"Rejected {rejected.SourceId ?? "(no id)"} {rejected.Name}: {string.Join(" ", rejected.Reasons)}");
            }

            foreach (var notes in report.Notes)
            {
                Console.WriteLine($"Note {notes.SourceId}: {string.Join(" ", notes.Notes)}");
            }

            return report.Outcome == ImportReport.Completed ? 0 : 1;
        }, services => services.AddSingleton<FluentValidation.IValidator<ServiceBody>, ServiceBodyValidator>()));
        return new Command("import", "Import services into the directory") { oruk };
    }

    // The pages read so far, as a bar that fills in tens (a feed's page count is not known in advance).
    private static string Bar(int pages) => "[" + new string('#', pages % 10 + 1).PadRight(10) + "]";
}
