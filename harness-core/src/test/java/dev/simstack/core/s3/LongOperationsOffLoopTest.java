package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.CallResult;
import dev.simstack.core.Interceptor;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.S3Hook;
import dev.simstack.core.SemanticHook;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * S3's copies and the completion of a multipart upload read or write whole objects in one call: the engine runs
 * them on a worker thread of the stack, so a large one does not hold up the other connections of the event loop
 * that read it. A hook that S3 consults inside the call tells which thread runs it, and can hold it there.
 */
class LongOperationsOffLoopTest {

    private final HeldCalls held = new HeldCalls();
    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withSeed(1).withInterceptor(held).start();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("media"));
        s3.putObject(p -> p.bucket("media").key("source"), RequestBody.fromString("frames"));
    }

    @AfterEach
    void stop() {
        held.release.countDown();
        s3.close();
        stack.close();
    }

    @Test
    void copies_and_completed_uploads_run_on_the_stacks_workers_and_puts_on_the_event_loop() {
        s3.copyObject(c -> c.sourceBucket("media").sourceKey("source").destinationBucket("media")
                .destinationKey("copy"));
        String upload = s3.createMultipartUpload(c -> c.bucket("media").key("parts")).uploadId();
        String etag = s3.uploadPartCopy(c -> c.sourceBucket("media").sourceKey("source").destinationBucket("media")
                .destinationKey("parts").uploadId(upload).partNumber(1)).copyPartResult().eTag();
        s3.completeMultipartUpload(c -> c.bucket("media").key("parts").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

        assertThat(held.threads.get("copy")).matches("simstack-\\d+-worker-\\d+");
        assertThat(held.threads.get("parts")).matches("simstack-\\d+-worker-\\d+");
        assertThat(held.threads.get("source")).matches("simstack-\\d+-http-\\d+");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("media").key("parts")).asUtf8String()).isEqualTo("frames");
    }

    @Test
    void a_copy_in_progress_holds_up_no_other_connection() throws Exception {
        CompletableFuture<String> copy = CompletableFuture.supplyAsync(() -> s3.copyObject(c -> c
                .sourceBucket("media").sourceKey("source").destinationBucket("media").destinationKey("held-copy"))
                .copyObjectResult().eTag());
        assertThat(held.entered.await(30, TimeUnit.SECONDS)).as("the copy reached S3").isTrue();

        // Each client opens a connection of its own; the event loops take new connections in turn, so some of
        // these land on the loop that read the copy. Were the copy running there, they would wait for it.
        for (int client = 0; client < 4; client++) {
            try (S3Client other = S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(S3TestSupport.CREDENTIALS).forcePathStyle(true)
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(20)).retryStrategy(r ->
                            r.maxAttempts(1)))
                    .build()) {
                assertThat(other.getObjectAsBytes(g -> g.bucket("media").key("source")).asUtf8String())
                        .isEqualTo("frames");
            }
        }
        assertThat(copy).isNotDone();

        held.release.countDown();
        assertThat(copy.get(30, TimeUnit.SECONDS)).isNotBlank();
        assertThat(s3.getObjectAsBytes(g -> g.bucket("media").key("held-copy")).asUtf8String()).isEqualTo("frames");
    }

    /** Notes the thread the latest object call on each key ran on; holds a call on a key starting "held" until released. */
    private static final class HeldCalls implements Interceptor, S3Hook {
        final Map<String, String> threads = new ConcurrentHashMap<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public CompletionStage<CallResult> intercept(ServiceCall call, Next next) {
            return next.proceed(call);
        }

        @Override
        public List<? extends SemanticHook> hooks() {
            return List.of(this);
        }

        @Override
        public String slowsDown(ResourceRef bucket, String key, boolean read) {
            threads.put(key, Thread.currentThread().getName()); // the last call on the key
            if (key.startsWith("held")) {
                entered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        }
    }
}
