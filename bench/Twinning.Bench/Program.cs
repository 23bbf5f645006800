using Twinning.Bench;

// Twinning benchmarks. See bench/README.md; bench/run.sh runs both modes and the HTTP load.
//   provision [--runs N] [--warmup N] [--steps] [--sql]   recipe provisioning time on SQLite, against an empty-recipe baseline
//   serve --urls http://127.0.0.1:PORT            the Twinning.Web host plus GET /bench/trivial, over a freshly provisioned site
return args.FirstOrDefault() switch
{
    "provision" => await ProvisionBenchmark.RunAsync(args[1..]),
    "serve" => await ServeMode.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Twinning.Bench provision [--runs N] [--warmup N] [--steps] [--sql]");
    Console.Error.WriteLine("       Twinning.Bench serve --urls http://127.0.0.1:PORT");
    return 2;
}
