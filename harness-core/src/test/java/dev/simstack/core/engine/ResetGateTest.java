package dev.simstack.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.internal.engine.ResetGate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reset waits for the service calls in progress, and calls arriving meanwhile wait for the reset. */
class ResetGateTest {

    private final ResetGate gate = new ResetGate();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @Test
    void a_reset_waits_for_the_call_in_progress_and_a_later_call_waits_for_the_reset() throws Exception {
        CountDownLatch callInside = new CountDownLatch(1);
        CountDownLatch finishCall = new CountDownLatch(1);
        CountDownLatch resetInside = new CountDownLatch(1);
        CountDownLatch finishReset = new CountDownLatch(1);
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> gate.call(() -> {
            callInside.countDown();
            await(finishCall);
            order.add("call");
            return null;
        }), threads);
        assertThat(callInside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> reset = CompletableFuture.runAsync(() -> gate.exclusive(() -> {
            resetInside.countDown();
            order.add("reset");
            await(finishReset);
        }), threads);

        finishCall.countDown();
        assertThat(resetInside.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> gate.call(() -> order.add("later call")), threads);
        finishReset.countDown();
        CompletableFuture.allOf(call, reset, later).get(30, TimeUnit.SECONDS);

        assertThat(order).containsExactly("call", "reset", "later call");
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
