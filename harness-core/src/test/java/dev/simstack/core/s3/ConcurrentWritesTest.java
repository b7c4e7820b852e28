package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Eight threads writing and reading versions of the same keys: every version is listed, no reader sees
 * a torn object, and of racing conditional writes exactly one wins.
 */
class ConcurrentWritesTest {

    private static final int THREADS = 8;
    private static final int WRITES = 12;
    private static final String[] KEYS = {"shared/a", "shared/b", "shared/c"};

    private Stack stack;
    private S3Client s3;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("race"));
        s3.putBucketVersioning(v -> v.bucket("race").versioningConfiguration(c -> c.status(
                BucketVersioningStatus.ENABLED)));
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        s3.close();
        stack.close();
    }

    /** A body that says who wrote it, repeated, so a torn read shows as a mix. */
    private static String body(int thread, int write) {
        return ("[" + thread + ":" + write + "]").repeat(2000);
    }

    @Test
    void every_version_is_listed_and_no_read_is_torn() throws Exception {
        Set<String> versionIds = ConcurrentHashMap.newKeySet();
        AtomicInteger torn = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                go.await();
                for (int w = 0; w < WRITES; w++) {
                    String key = KEYS[(thread + w) % KEYS.length];
                    int write = w;
                    versionIds.add(s3.putObject(p -> p.bucket("race").key(key).metadata(Map.of("writer", thread + ":"
                            + write)), S3TestSupport.text(body(thread, write))).versionId());
                    ResponseBytes<GetObjectResponse> read = s3.getObjectAsBytes(g -> g.bucket("race").key(key));
                    String writer = read.response().metadata().get("writer");
                    String[] parts = writer.split(":");
                    if (!read.asUtf8String().equals(body(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])))) {
                        torn.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : futures) {
            future.get();
        }
        assertThat(torn).hasValue(0);
        assertThat(versionIds).hasSize(THREADS * WRITES);
        List<ObjectVersion> listed = s3.listObjectVersionsPaginator(l -> l.bucket("race").maxKeys(17)).versions()
                .stream().toList();
        assertThat(listed).extracting(ObjectVersion::versionId).containsExactlyInAnyOrderElementsOf(versionIds);
        for (String key : KEYS) {
            assertThat(listed.stream().filter(v -> v.key().equals(key) && v.isLatest())).hasSize(1);
        }
    }

    @Test
    void of_racing_create_only_writes_exactly_one_wins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "lock-" + round;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        s3.putObject(p -> p.bucket("race").key(key).ifNoneMatch("*"),
                                S3TestSupport.text("owner " + thread));
                        return 200;
                    } catch (S3Exception e) {
                        return e.statusCode();
                    }
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 412 || s == 409);
            assertThat(s3.listObjectVersions(l -> l.bucket("race").prefix(key)).versions()).hasSize(1);
        }
    }
}
