namespace CiamServer.UnitTests.Passwordless.Sms;

internal static class Waiting
{
    /// <summary>Polls until <paramref name="condition"/> holds, calling <paramref name="meanwhile"/> between polls
    /// (to move a fake clock); fails the test after 10 seconds.</summary>
    public static async Task UntilAsync(Func<bool> condition, Action? meanwhile = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the condition.");
            meanwhile?.Invoke();
            await Task.Delay(10);
        }
    }
}
