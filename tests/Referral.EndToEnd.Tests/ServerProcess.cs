using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Referral.Api.Tests.Infrastructure;

namespace Referral.EndToEnd.Tests;

/// <summary>
/// The API as a separate process: `dotnet run --project src/Referral.Api` as in the README
/// (with --no-build, since the test build has just built it), on a free loopback port and the
/// given test database, in the Development environment so the demo data and keys exist.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly IReadOnlyList<string> _arguments;
    private Process? _process;

    private ServerProcess(string name, IReadOnlyList<string> arguments)
    {
        Name = name;
        _arguments = arguments;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    /// <summary>Which instance this is, for failure messages.</summary>
    public string Name { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => _process is null || _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a server on the database and waits until it is ready; extra arguments are configuration.</summary>
    public static async Task<ServerProcess> StartAsync(string name, TestDatabase database, params string[] configuration)
    {
        var server = new ServerProcess(name, [.. database.ServerArguments, .. configuration]);
        try
        {
            await server.RunAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        return client;
    }

    /// <summary>Ends the process at once, as a crash or an OOM kill would: no shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private async Task RunAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", "--no-build", "--project", "src/Referral.Api", "--", "--urls", BaseAddress.ToString() }.Concat(_arguments))
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = Client();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API ({Name}) exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The API ({Name}) did not become ready in 2 minutes:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
