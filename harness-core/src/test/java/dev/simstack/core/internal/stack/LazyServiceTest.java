package dev.simstack.core.internal.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A service built on first use is built once, whoever asks first, and is nothing to reset or close before. */
class LazyServiceTest {

    private final AtomicInteger builds = new AtomicInteger();
    private final LazyService<Counting> lazy = new LazyService<>(
            new ServiceDescriptor("counting", null, null, null, false, false, null), () -> {
                builds.incrementAndGet();
                return new Counting();
            });

    /** A service that counts what is done to it. */
    private static final class Counting implements Service {
        final AtomicInteger resets = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public ServiceDescriptor descriptor() {
            return null;
        }

        @Override
        public CompletionStage<JsonNode> invoke(DecodedCall call) {
            return CompletableFuture.completedFuture(JsonNodeFactory.instance.objectNode());
        }

        @Override
        public Runnable reset() {
            resets.incrementAndGet();
            return () -> { };
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void the_descriptor_reset_and_close_of_an_unbuilt_service_do_not_build_it() {
        assertThat(lazy.descriptor().signingName()).isEqualTo("counting");
        lazy.reset().run();
        lazy.close();
        lazy.ifBuilt(service -> service.resets.incrementAndGet());
        assertThat(builds).hasValue(0);
    }

    @Test
    void once_built_reset_and_close_reach_the_service() {
        Counting service = lazy.get();
        lazy.reset().run();
        lazy.close();
        assertThat(lazy.get()).isSameAs(service);
        assertThat(service.resets).hasValue(1);
        assertThat(service.closes).hasValue(1);
        assertThat(builds).hasValue(1);
    }

    @Test
    void concurrent_first_calls_build_it_once() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Counting>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                got.add(threads.submit(() -> {
                    go.await();
                    return lazy.get();
                }));
            }
            go.countDown();
            Counting first = got.get(0).get();
            for (Future<Counting> each : got) {
                assertThat(each.get()).isSameAs(first);
            }
            assertThat(builds).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
