package dev.simstack.bench;

import dev.simstack.core.StackConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * PutObject and GetObject of 1 KiB and 1 MiB objects through the real SDK (Apache HTTP client, path-style,
 * the SDK's default checksums: uploads are {@code aws-chunked} with a trailing CRC32), against the engine
 * and the floor. Score: requests per second; for 1 MiB, MB/s is the score times 1.048576. Each thread
 * puts its own key over and over (so the bucket holds one object per thread, not the run's uploads);
 * gets read one object, draining the body into a reused buffer. The body is given to the SDK as a
 * stream over the shared array, so the client copies it no more than it must.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 18, time = 3)
@Measurement(iterations = 5, time = 3)
public class S3Benchmark {

    @Param({"engine", Transport.IN_PROCESS, "floor"})
    public String backend;

    @Param({"PutObject", "GetObject"})
    public String operation;

    @Param({"1024", "1048576"})
    public int size;

    private Target<S3Client> target;
    private byte[] content;
    private GetObjectRequest get;
    private final AtomicInteger threadNumbers = new AtomicInteger();

    @Setup(Level.Iteration)
    public void open() {
        target = Target.open(backend, StackConfig.defaults(), Clients::s3,
                s3 -> s3.createBucket(b -> b.bucket(S3Objects.BUCKET)));
        content = S3Objects.content(size);
        String key = S3Objects.key(size, "read");
        target.client().putObject(PutObjectRequest.builder().bucket(S3Objects.BUCKET).key(key).build(),
                RequestBody.fromBytes(content));
        get = GetObjectRequest.builder().bucket(S3Objects.BUCKET).key(key).build();
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        target.close();
    }

    /** Each thread's own key and read buffer. */
    @State(Scope.Thread)
    public static class Client {
        PutObjectRequest put;
        final byte[] buffer = new byte[64 * 1024];

        @Setup(Level.Iteration)
        public void open(S3Benchmark benchmark) {
            put = PutObjectRequest.builder().bucket(S3Objects.BUCKET)
                    .key(S3Objects.key(benchmark.size, "thread-" + benchmark.threadNumbers.incrementAndGet())).build();
        }
    }

    @Benchmark
    @Threads(1)
    public long threads1(Client client) {
        return call(client);
    }

    @Benchmark
    @Threads(8)
    public long threads8(Client client) {
        return call(client);
    }

    private long call(Client client) {
        if (operation.equals("PutObject")) {
            byte[] bytes = content;
            RequestBody body = RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes), bytes.length,
                    "application/octet-stream");
            return target.client().putObject(client.put, body).eTag().length();
        }
        long read = 0;
        try (InputStream in = target.client().getObject(get)) {
            for (int n = in.read(client.buffer); n >= 0; n = in.read(client.buffer)) {
                read += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read != size) {
            throw new IllegalStateException("GetObject read " + read + " bytes of " + size);
        }
        return read;
    }
}
