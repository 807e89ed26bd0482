namespace CiamServer.IntegrationTests.Operations;

internal static class Eventually
{
    /// <summary>Retries <paramref name="attempt"/> until it returns true or the time is up; returns the last answer.</summary>
    public static async Task<bool> TrueWithinAsync(TimeSpan timeout, Func<Task<bool>> attempt)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await attempt())
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(250);
        }
    }
}
