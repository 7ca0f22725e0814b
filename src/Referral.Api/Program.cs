using Referral.Api;
using Referral.Api.CommandLine;
using Referral.Data;

return await HostCommandLine.RunAsync(args, Serve);

static async Task<int> Serve(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddReferralApi();

    // Disposed on every way out: the console logger writes from a queue, and only disposing
    // it makes sure a start-up fault's one line is out before the process ends.
    await using var app = builder.Build();
    try
    {
        await app.PrepareAsync();
    }
    catch (StorageFaultException fault)
    {
        // The operator needs the file and what is wrong with it; a stack trace says neither.
        StartupLog.CannotStart(app.Logger, fault.Message);
        return 1;
    }

    app.UseReferralApi();
    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Fault}")]
    public static partial void CannotStart(ILogger logger, string fault);
}
