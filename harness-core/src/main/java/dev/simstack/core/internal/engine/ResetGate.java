package dev.simstack.core.internal.engine;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps a reset apart from the services' request work: every service call runs its synchronous part
 * under the read side, a reset empties the services under the write side. So a request is applied wholly
 * before a reset or wholly after it, never into state that is being emptied. The read side is one
 * uncontended CAS per call; nothing waits on it except a reset, for the calls in progress (microseconds).
 */
public final class ResetGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs one service call's synchronous part; a reset waits for it, and it waits for a reset. */
    public <T> T call(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code reset} while no service call is in its synchronous part. */
    public void exclusive(Runnable reset) {
        lock.writeLock().lock();
        try {
            reset.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
