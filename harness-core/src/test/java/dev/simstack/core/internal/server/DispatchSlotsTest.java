package dev.simstack.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatchSlotsTest {

    @Test
    void no_more_callers_run_at_once_than_there_are_slots() throws Exception {
        DispatchSlots slots = new DispatchSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(callers.submit(() -> slots.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    running.decrementAndGet();
                    return 1;
                })));
            }
            for (Future<Integer> call : done) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 2);
        assertThat(slots.available()).isEqualTo(2);
    }

    @Test
    void a_nested_request_on_the_same_thread_takes_no_second_slot() {
        DispatchSlots slots = new DispatchSlots(1);

        String answer = slots.run(() -> slots.run(() -> "nested, free slots: " + slots.available()));

        assertThat(answer).isEqualTo("nested, free slots: 0");
        assertThat(slots.available()).isEqualTo(1);
    }

    @Test
    void a_caller_goes_in_without_a_slot_when_none_frees_in_time() throws Exception {
        DispatchSlots slots = new DispatchSlots(1);
        CountDownLatch otherAnswered = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // the slot's holder waits for a request of another thread: that request must not wait for the slot
            String answer = slots.run(() -> {
                Future<String> nested = other.submit(() -> slots.run(() -> {
                    otherAnswered.countDown();
                    return "answered";
                }));
                try {
                    return nested.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(answer).isEqualTo("answered");
            assertThat(otherAnswered.await(0, TimeUnit.SECONDS)).isTrue();
        } finally {
            other.shutdownNow();
        }
        assertThat(slots.available()).isEqualTo(1);
    }
}
