using System.Diagnostics;
using System.Text;
using Referral.Api.Tests.Infrastructure;

namespace Referral.EndToEnd.Tests;

/// <summary>
/// The real server started where it cannot run (a database it cannot use, a port already taken):
/// it must stop at once with one line an operator can act on (which file or address, what is
/// wrong) and a non-zero exit code, never a stack trace.
/// </summary>
public sealed class StartupFaultTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "referral-e2e", Guid.NewGuid().ToString("N"));

    public StartupFaultTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_file_that_is_not_a_database_stops_start_up_with_one_line()
    {
        var path = Path.Combine(_folder, "referral.db");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("These are the minutes of the practice meeting.\n", 200)));

        var (exitCode, output) = await StartAsync(path);

        AssertOneClearLine(exitCode, output, path, "not a database");
        Assert.StartsWith("These are the minutes", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_created_stops_start_up_with_one_line()
    {
        var file = Path.Combine(_folder, "backups");
        await File.WriteAllTextAsync(file, "a file where the database folder should be");
        var path = Path.Combine(file, "data", "referral.db");

        var (exitCode, output) = await StartAsync(path);

        AssertOneClearLine(exitCode, output, path, $"{file} is a file, not a folder");
    }

    [Fact]
    public async Task A_port_already_in_use_stops_start_up_with_one_line()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var address = $"http://127.0.0.1:{((System.Net.IPEndPoint)squatter.LocalEndpoint).Port}";

        var (exitCode, output) = await StartAsync(Path.Combine(_folder, "referral.db"), address);

        AssertOneClearLine(exitCode, output, address, "address already in use");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up; not a test failure.
        }
    }

    private static void AssertOneClearLine(int exitCode, string output, string named, string cause)
    {
        Assert.True(exitCode != 0, $"exited with 0:\n{output}");
        var lines = output.Split('\n').Where(l => l.Contains(named, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected one line naming {named}:\n{output}");
        Assert.Contains(cause, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    // As the README runs it (see ServerProcess), by default on a port nobody listens to.
    private static async Task<(int ExitCode, string Output)> StartAsync(string databasePath, string urls = "http://127.0.0.1:0")
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", "--no-build", "--project", "src/Referral.Api", "--", "--urls", urls, $"--Storage:Sqlite:Path={databasePath}" })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The API was still running after 2 minutes:\n{output}");
        }

        // The last lines may still be on their way from the redirected streams.
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }
    }
}
