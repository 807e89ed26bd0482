using Xunit;

namespace CiamServer.Testing.Samples;

/// <summary>xunit class fixture: one server, sample API and sample web app for the tests of a class.</summary>
public sealed class SampleStackFixture : IAsyncLifetime
{
    private SampleStack? _stack;

    public SampleStack Stack => _stack ?? throw new InvalidOperationException("The sample stack has not started.");

    public async Task InitializeAsync() => _stack = await SampleStack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
