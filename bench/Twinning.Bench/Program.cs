using Twinning.Bench;

// Twinning benchmarks. See bench/README.md; bench/run.sh runs both modes and the HTTP load.
//   provision [--runs N] [--warmup N] [--steps] [--sql]   recipe provisioning time on SQLite, against an empty-recipe baseline
//   serve --urls http://127.0.0.1:PORT            the Twinning.Web host plus GET /bench/trivial, over a freshly provisioned site
//   media --urls http://127.0.0.1:PORT [--seconds N] [--concurrency N]   resizing a 4000×3000 JPEG; then serves a cached variant and the same bytes as a file
//   import [--sizes 250,1000,4000]                a content recipe of N items, the time per item against the smallest size's
return args.FirstOrDefault() switch
{
    "provision" => await ProvisionBenchmark.RunAsync(args[1..]),
    "serve" => await ServeMode.RunAsync(args[1..]),
    "media" => await MediaMode.RunAsync(args[1..]),
    "import" => await ImportBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Twinning.Bench provision [--runs N] [--warmup N] [--steps] [--sql]");
    Console.Error.WriteLine("       Twinning.Bench serve --urls http://127.0.0.1:PORT");
    Console.Error.WriteLine("       Twinning.Bench media --urls http://127.0.0.1:PORT [--seconds N] [--concurrency N]");
    Console.Error.WriteLine("       Twinning.Bench import [--sizes 250,1000,4000]");
    return 2;
}
