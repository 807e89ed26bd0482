using BenchmarkDotNet.Running;
using CiamServer.Benchmarks.Users;

// dotnet run -c Release --project tests/CiamServer.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/CiamServer.Benchmarks -- explain-users   (the user search's query plans)
if (args is ["explain-users"])
{
    await UserSearchExplain.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
