using System.Diagnostics;
using SkiaSharp;
using Twinning.Module.Features;
using Twinning.Module.Features.Media;
using Twinning.Module.Features.Media.Processing;

namespace Twinning.Bench;

/// <summary>
/// The Twinning.Web host over an empty site with one 4000×3000 JPEG in its media library. Measures, over HTTP from
/// this process, how many new 800-pixel variants per second it makes with 2 requests at a time (every request a
/// different variant, so none is cached), as JPEG and as WebP. Then it caches one variant, writes the same bytes
/// into the library as a plain file, and prints <c>READY &lt;variant URL&gt; &lt;plain file URL&gt;</c> for wrk to
/// compare the two. The data folder is removed on shutdown.
/// </summary>
internal static class MediaMode
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds") ?? 15;
        var concurrency = Option(args, "--concurrency") ?? 2;
        var data = BenchSettings.NewDataFolder();
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.AddInMemoryCollection(BenchSettings.Configuration(data, runRecipe: false, defaultLogLevel: "Warning"));
            // As Twinning.Web/Program.cs.
            builder.Services.AddProblemDetails();
            builder.Services.AddTwinning();
            await using var app = builder.Build();
            app.UseExceptionHandler();
            app.UseStatusCodePages();
            app.UseTwinning();
            app.MapTwinning();
            await app.StartAsync();

            var store = app.Services.GetRequiredService<IMediaFileStore>();
            var tokens = app.Services.GetRequiredService<MediaTokenService>();
            var source = MakePhoto();
            await using (var content = new MemoryStream(source))
            {
                await store.CreateFileAsync("bench/photo-4000.jpg", content);
            }
            var baseUrl = app.Urls.First();
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
            Console.WriteLine($"source: 4000×3000 JPEG, {source.Length / 1024} KiB; {concurrency} requests at a time, {seconds} s per format");

            var version = 0;
            foreach (var format in new[] { "jpg", "webp" })
            {
                await MeasureAsync(client, $"MISS {format}", seconds, concurrency,
                    () => tokens.AddTokenToPath($"/media/bench/photo-4000.jpg?v={Interlocked.Increment(ref version)}&width=800&format={format}"));
            }

            // The same photograph as a PNG, which no decoder shrinks while loading: variants per second, and the
            // server's peak memory over them alone (the peak is reset first: /proc/self/clear_refs, 5).
            var png = Reencode(source, SKEncodedImageFormat.Png);
            await using (var content = new MemoryStream(png))
            {
                await store.CreateFileAsync("bench/photo-4000.png", content);
            }
            Console.WriteLine($"MEMORY server peak RSS over the JPEG and WebP variants {PeakRss() / 1024} MiB");
            GC.Collect();
            File.WriteAllText("/proc/self/clear_refs", "5");
            var before = PeakRss();
            await MeasureAsync(client, $"MISS png ({png.Length / 1024} KiB) to jpg", seconds, concurrency,
                () => tokens.AddTokenToPath($"/media/bench/photo-4000.png?v={Interlocked.Increment(ref version)}&width=800&format=jpg"));
            Console.WriteLine($"MEMORY server peak RSS over the PNG variants {PeakRss() / 1024} MiB (from {before / 1024} MiB at their start)");

            var variantUrl = tokens.AddTokenToPath("/media/bench/photo-4000.jpg?width=800");
            var variant = await GetAsync(client, variantUrl);
            await using (var copy = new MemoryStream(variant))
            {
                await store.CreateFileAsync("bench/variant-800.jpg", copy);
            }
            Console.WriteLine($"cached variant: {variant.Length / 1024} KiB, served as a variant and as the plain file /media/bench/variant-800.jpg");
            Console.WriteLine($"READY {baseUrl}{variantUrl} {baseUrl}/media/bench/variant-800.jpg");
            Console.Out.Flush();

            await app.WaitForShutdownAsync();
            return 0;
        }
        finally
        {
            BenchSettings.DeleteDataFolder(data);
        }
    }

    /// <summary>New variants for <paramref name="seconds"/>, <paramref name="concurrency"/> requests at a time, each a
    /// different URL, after 3 to warm up (JIT, Skia start-up, the first file reads); prints variants per second and
    /// the latency's p50 and p99.</summary>
    private static async Task MeasureAsync(HttpClient client, string label, int seconds, int concurrency, Func<string> nextUrl)
    {
        for (var i = 0; i < 3; i++)
        {
            await GetAsync(client, nextUrl());
        }
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (clock.Elapsed < deadline)
            {
                var started = clock.Elapsed;
                await GetAsync(client, nextUrl());
                mine.Add((clock.Elapsed - started).TotalMilliseconds);
            }
            return mine;
        })).ToList();
        foreach (var worker in workers)
        {
            latencies.AddRange(await worker);
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        Console.WriteLine(FormattableString.Invariant(
            $"{label}: {latencies.Count / elapsed:0.0} variants/s, p50 {latencies[latencies.Count / 2]:0} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:0} ms ({latencies.Count} variants in {elapsed:0.0} s)"));
    }

    /// <summary>The process's peak resident memory (VmHWM), in KiB.</summary>
    private static long PeakRss()
        => long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] Reencode(byte[] content, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromEncodedData(content);
        using var data = image.Encode(format, 100);
        return data.ToArray();
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
    }

    /// <summary>A camera-sized photograph: a gallery photo enlarged to 4000×3000 with sensor-like noise, so that the
    /// JPEG has the size and detail of a real one rather than the smoothness of an enlargement.</summary>
    private static byte[] MakePhoto()
    {
        using var photo = SKImage.FromEncodedData(Path.Combine(AppContext.BaseDirectory, "recipes", "media", "gallery", "photo-1.jpg"));
        var info = new SKImageInfo(4000, 3000, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var large = new SKBitmap(info);
        using (var canvas = new SKCanvas(large))
        {
            canvas.DrawImage(photo, new SKRect(0, 0, 4000, 3000), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        // Sensor-like noise: each channel moved by a normal deviate of 12 levels.
        var pixels = large.GetPixelSpan();
        var random = new Random(4000);
        for (var i = 0; i < pixels.Length; i++)
        {
            if (i % 4 == 3)
            {
                continue;
            }
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            pixels[i] = (byte)Math.Clamp(pixels[i] + (12 * gaussian), 0, 255);
        }
        using var image = SKImage.FromBitmap(large);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static int? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : null;
    }
}
