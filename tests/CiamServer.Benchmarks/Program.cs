using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CiamServer.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
