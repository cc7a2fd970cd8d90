using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CaseFlow.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(CaseFlow.Benchmarks.EngineBenchmarks).Assembly).Run(args);
