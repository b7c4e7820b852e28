package dev.simstack.core.internal.services.sqs;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * A min-heap of messages by a time key that also removes any message in O(log n), because each message
 * remembers its position. A queue keeps one for visibility/delay deadlines and one for retention, so
 * that nothing scans the whole queue on the request path.
 */
final class DeadlineHeap {

    private final int slot;
    private final ToLongFunction<SqsMessage> key;
    private SqsMessage[] heap = new SqsMessage[16];
    private int size;

    DeadlineHeap(int slot, ToLongFunction<SqsMessage> key) {
        this.slot = slot;
        this.key = key;
    }

    int size() {
        return size;
    }

    boolean contains(SqsMessage message) {
        return message.heapIndex[slot] >= 0;
    }

    /** The smallest key, or {@link Long#MAX_VALUE} when empty. */
    long peekKey() {
        return size == 0 ? Long.MAX_VALUE : key.applyAsLong(heap[0]);
    }

    SqsMessage poll() {
        if (size == 0) {
            return null;
        }
        SqsMessage first = heap[0];
        removeAt(0);
        return first;
    }

    void add(SqsMessage message) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = message;
        message.heapIndex[slot] = size;
        size++;
        siftUp(size - 1);
    }

    /** Re-sorts a message whose key changed, adding it if absent. */
    void update(SqsMessage message) {
        int index = message.heapIndex[slot];
        if (index < 0) {
            add(message);
            return;
        }
        siftDown(siftUp(index));
    }

    void remove(SqsMessage message) {
        int index = message.heapIndex[slot];
        if (index >= 0) {
            removeAt(index);
        }
    }

    /** Empties the heap, calling {@code each} for every message in it. */
    void clear(Consumer<SqsMessage> each) {
        for (int i = 0; i < size; i++) {
            heap[i].heapIndex[slot] = -1;
            each.accept(heap[i]);
            heap[i] = null;
        }
        size = 0;
    }

    private void removeAt(int index) {
        SqsMessage removed = heap[index];
        removed.heapIndex[slot] = -1;
        size--;
        if (index == size) {
            heap[size] = null;
            return;
        }
        heap[index] = heap[size];
        heap[index].heapIndex[slot] = index;
        heap[size] = null;
        siftDown(siftUp(index));
    }

    private int siftUp(int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (key.applyAsLong(heap[parent]) <= key.applyAsLong(heap[index])) {
                break;
            }
            swap(parent, index);
            index = parent;
        }
        return index;
    }

    private void siftDown(int index) {
        while (true) {
            int left = 2 * index + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int smallest = right < size && key.applyAsLong(heap[right]) < key.applyAsLong(heap[left]) ? right : left;
            if (key.applyAsLong(heap[index]) <= key.applyAsLong(heap[smallest])) {
                return;
            }
            swap(index, smallest);
            index = smallest;
        }
    }

    private void swap(int a, int b) {
        SqsMessage first = heap[a];
        heap[a] = heap[b];
        heap[b] = first;
        heap[a].heapIndex[slot] = a;
        heap[b].heapIndex[slot] = b;
    }
}
