using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Referral.Benchmarks -- --filter '*'
// (add --job short for a quicker, rougher run)
BenchmarkSwitcher.FromAssembly(typeof(Referral.Benchmarks.RankingBenchmarks).Assembly).Run(args);
