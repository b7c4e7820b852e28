package dev.simstack.core.internal.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many in-process callers run the engine's synchronous part of a request at once: as many as the machine
 * has cores. On the socket path the engine runs on its event loops (two), whatever the number of client
 * threads; in-process, every caller thread runs it. Eight callers on two cores then meet inside the engine, on
 * the locks every request takes (the reset gate, a table's or a queue's lock, the ledger), and a holder the
 * scheduler takes off its core holds up every other caller until it runs again: the more threads than cores,
 * the more the engine serialises. Waiting for a slot before taking any of those locks keeps that wait to one
 * per request, as a socket client's wait for its answer is.
 *
 * <p>A slot is for throughput only, never a reason to block: a caller that finds none within {@link #WAIT}
 * goes in anyway (a synchronous part that waits for another caller's request cannot deadlock on the slots),
 * and a request made from inside the engine on the same thread (a nested call) takes no second slot.
 */
final class DispatchSlots {

    /** The longest a caller waits for a slot before it goes in without one. */
    static final long WAIT_MILLIS = 100;

    private final Semaphore slots;
    private final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> Boolean.FALSE);

    DispatchSlots(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one dispatch slot, got " + count);
        }
        this.slots = new Semaphore(count);
    }

    /** One slot per core the JVM may use. */
    static DispatchSlots perCore() {
        return new DispatchSlots(Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code dispatch} in a slot (or without one, after {@link #WAIT_MILLIS} or when nested). */
    <T> T run(Supplier<T> dispatch) {
        if (inside.get()) {
            return dispatch.get();
        }
        boolean held = acquire();
        inside.set(Boolean.TRUE);
        try {
            return dispatch.get();
        } finally {
            inside.set(Boolean.FALSE);
            if (held) {
                slots.release();
            }
        }
    }

    /** How many slots are free now (for tests). */
    int available() {
        return slots.availablePermits();
    }

    private boolean acquire() {
        if (slots.tryAcquire()) {
            return true;
        }
        try {
            return slots.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the caller's abort; the request still runs, as it would unslotted
            return false;
        }
    }
}
