package app.scimconsole.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Drives HTTP requests at a server from {@code concurrency} threads over keep-alive connections and measures
 * throughput and latency percentiles. The same driver measures the service and the bare-server ceiling.
 */
final class LoadDriver {
    /** Accept any 2xx (Entra's mixed lookup-and-create streams). */
    static final int ANY_SUCCESS = -1;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** One request to send: method, absolute URL, body (may be null). */
    record Call(String method, String url, String body, String token) {
        HttpRequest toRequest() {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/scim+json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b.build();
        }
    }

    record Stats(String name, int concurrency, int count, double seconds, double[] latenciesMs, int errors) {
        /** Several runs of one scenario (at one concurrency) as one: their requests, time and latencies together. */
        static Stats merged(String name, java.util.List<Stats> runs) {
            double[] latencies = runs.stream().flatMapToDouble(r -> Arrays.stream(r.latenciesMs())).toArray();
            return new Stats(name, runs.get(0).concurrency(), latencies.length,
                    runs.stream().mapToDouble(Stats::seconds).sum(), latencies,
                    runs.stream().mapToInt(Stats::errors).sum());
        }

        double rps() {
            return count / seconds;
        }

        double percentile(double p) {
            if (latenciesMs.length == 0) {
                return Double.NaN;
            }
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    /** Sends {@code count} calls ({@code call.apply(i)} for i in 0..count-1) from {@code concurrency} threads. */
    Stats run(String name, int concurrency, int count, IntFunction<Call> call, int expectedStatus) throws Exception {
        double[] latencies = new double[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            Future<?>[] workers = new Future<?>[concurrency];
            for (int w = 0; w < concurrency; w++) {
                workers[w] = pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        HttpRequest request = call.apply(i).toRequest();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (expectedStatus == ANY_SUCCESS ? r.statusCode() / 100 != 2 : r.statusCode() != expectedStatus) {
                                errors.incrementAndGet();
                                if (errors.get() <= 3) {
                                    System.err.println(name + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
                                }
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        latencies[i] = (System.nanoTime() - t0) / 1e6;
                    }
                });
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Stats(name, concurrency, count, seconds, latencies, errors.get());
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
