package dev.simstack.core.internal.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.internal.clock.ManualClock;
import dev.simstack.core.internal.clock.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

class TimeoutWatchTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Runnable> immediate = new ArrayList<>();
    private final ManualClock clock = new ManualClock(START, immediate::add);
    private final TimeoutWatch watch = new TimeoutWatch(clock);
    private final List<String> timedOut = new ArrayList<>();

    private TimeoutWatch.Watched watch(String name, long seconds) {
        long deadline = clock.millis() + seconds * 1000;
        return watch.watch(deadline, () -> timedOut.add(name + " at " + clock.now()));
    }

    @Test
    void each_deadline_times_out_at_its_own_instant_in_deadline_order() {
        watch("c", 30);
        watch("a", 3);
        watch("b", 10);

        clock.advance(Duration.ofSeconds(15));

        assertThat(timedOut).containsExactly("a at " + START.plusSeconds(3), "b at " + START.plusSeconds(10));
        clock.advance(Duration.ofSeconds(15));
        assertThat(timedOut).hasSize(3).last().isEqualTo("c at " + START.plusSeconds(30));
    }

    @Test
    void an_invocation_that_leaves_in_time_never_times_out_and_the_others_still_do() {
        TimeoutWatch.Watched early = watch("early", 3);
        watch("late", 5);

        clock.advance(Duration.ofSeconds(2));
        watch.leave(early);
        clock.advance(Duration.ofSeconds(10));

        assertThat(timedOut).containsExactly("late at " + START.plusSeconds(5));
    }

    @Test
    void a_shorter_timeout_started_later_still_fires_first() {
        watch("long", 900);
        clock.advance(Duration.ofSeconds(1));
        watch("short", 1);

        clock.advance(Duration.ofSeconds(5));

        assertThat(timedOut).containsExactly("short at " + START.plusSeconds(2));
    }

    @Test
    void deadlines_on_the_same_instant_all_time_out_there_in_the_order_they_were_watched() {
        for (int i = 0; i < 5; i++) {
            watch("w" + i, 3);
        }
        clock.advance(Duration.ofSeconds(3));

        assertThat(timedOut).containsExactly("w0 at " + START.plusSeconds(3), "w1 at " + START.plusSeconds(3),
                "w2 at " + START.plusSeconds(3), "w3 at " + START.plusSeconds(3), "w4 at " + START.plusSeconds(3));
    }

    @Test
    void every_deadline_is_met_while_eight_threads_watch_and_leave_side_by_side_on_the_real_clock()
            throws InterruptedException {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        try {
            WallClock wall = new WallClock(1.0, timers);
            TimeoutWatch shared = new TimeoutWatch(wall);
            Map<Integer, Integer> fired = new ConcurrentHashMap<>();
            Set<Integer> mustFire = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int id = thread * 10_000 + i;
                        // deadlines spread over 0-40 ms, so that the earliest keeps changing under the timer
                        long deadline = wall.millis() + (thread * 7 + i) % 41;
                        TimeoutWatch.Watched watched = shared.watch(deadline, () -> fired.merge(id, 1, Integer::sum));
                        if (i % 2 == 0) {
                            shared.leave(watched); // an invocation that ended in time (it may have timed out first)
                        } else {
                            mustFire.add(id);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fired.keySet()).containsAll(mustFire));
            assertThat(fired.values()).as("no deadline times out twice").containsOnly(1);
        } finally {
            timers.shutdownNow();
        }
    }
}
