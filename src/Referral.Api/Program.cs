using Microsoft.AspNetCore.Connections;
using Referral.Api;
using Referral.Api.CommandLine;
using Referral.Data;

return await HostCommandLine.RunAsync(args, Serve);

static async Task<int> Serve(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddReferralApi();

    // The host logs a start-up failure with its whole stack trace before rethrowing it; the
    // failures an operator can fix are logged below as one line, and any other still surfaces.
    builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

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
    try
    {
        await app.StartAsync();
    }
    catch (IOException bind) when (bind.InnerException is AddressInUseException)
    {
        // Usually a second copy of the API, or another program on the port: the operator needs
        // the address and a way round it, not Kestrel's stack trace.
        StartupLog.CannotBind(app.Logger, bind.Message);
        return 1;
    }

    await app.WaitForShutdownAsync();
    return 0;
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Fault}")]
    public static partial void CannotStart(ILogger logger, string fault);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot start: {Fault} Stop what is listening there, or choose another address with --urls.")]
    public static partial void CannotBind(ILogger logger, string fault);
}
