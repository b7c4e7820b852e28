package dev.simstack.core.internal.services.dynamodb;

import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;

/**
 * The locks of several tables, taken in one global order (by table ARN) so that transactions touching
 * the same tables cannot deadlock, and released together.
 */
final class TableLocks implements AutoCloseable {

    private final List<Lock> held = new ArrayList<>();

    private TableLocks() {
    }

    static TableLocks write(Collection<Table> tables) {
        return lock(tables, true);
    }

    static TableLocks read(Collection<Table> tables) {
        return lock(tables, false);
    }

    private static TableLocks lock(Collection<Table> tables, boolean write) {
        TreeSet<Table> ordered = new TreeSet<>(Comparator.comparing((Table t) -> t.settings().arn())
                .thenComparing(System::identityHashCode));
        ordered.addAll(tables);
        TableLocks locks = new TableLocks();
        for (Table table : ordered) {
            Lock lock = write ? table.lock().writeLock() : table.lock().readLock();
            lock.lock();
            locks.held.add(lock);
        }
        return locks;
    }

    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) {
            held.get(i).unlock();
        }
    }
}
