using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace CiamServer.TokenValidation.Tests.Infrastructure;

/// <summary>A redis-server process of the test's own (no persistence, like a cache node), so a test can
/// really restart it without disturbing the Redis other tests share. Needs redis-server on the PATH
/// (the test command installs it) or named by CIAM_TEST_REDIS_SERVER.</summary>
internal sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ciam-redis-").FullName;
    private Process? _process;

    private PrivateRedis(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<PrivateRedis> StartAsync()
    {
        var redis = new PrivateRedis(FreePort());
        await redis.StartProcessAsync();
        return redis;
    }

    /// <summary>Stops the process: everything in it is lost, as in a restart without persistence.</summary>
    public Task StopServerAsync() => StopProcessAsync();

    /// <summary>Starts a new, empty process on the same port.</summary>
    public Task StartServerAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartProcessAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CIAM_TEST_REDIS_SERVER") is { Length: > 0 } configured ? configured : "redis-server";
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", _folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("redis-server was not found: install it (apt-get install redis-server) or set CIAM_TEST_REDIS_SERVER.", exception);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration + ",connectTimeout=500");
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task StopProcessAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
