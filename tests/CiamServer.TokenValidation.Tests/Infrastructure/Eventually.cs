using System.Diagnostics;

namespace CiamServer.TokenValidation.Tests.Infrastructure;

internal static class Eventually
{
    /// <summary>Polls until the condition holds and returns how long that took; fails after the timeout.</summary>
    public static async Task<TimeSpan> WithinAsync(TimeSpan timeout, Func<Task<bool>> condition, string what, int intervalMilliseconds = 10)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
            {
                Assert.Fail($"Not within {timeout}: {what}");
            }

            await Task.Delay(intervalMilliseconds);
        }

        return watch.Elapsed;
    }
}
