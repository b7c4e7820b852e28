package dev.simstack.core.internal.services.lambda;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The event source mappings of one region, each with its poller: SQS queues' and DynamoDB streams'. */
final class MappingDirectory {

    private final ConcurrentHashMap<String, SqsPoller> byUuid = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, StreamPoller> streamsByUuid = new ConcurrentHashMap<>();

    void add(StreamPoller poller) {
        streamsByUuid.put(poller.mapping().uuid(), poller);
    }

    /** The stream mapping {@code uuid}, or null (it may be an SQS one). */
    StreamPoller findStream(String uuid) {
        return streamsByUuid.get(uuid);
    }

    void removeStream(String uuid) {
        StreamPoller poller = streamsByUuid.remove(uuid);
        if (poller != null) {
            poller.stop();
        }
    }

    /** The stream mappings, by UUID. */
    List<StreamPoller> streams() {
        List<StreamPoller> all = new ArrayList<>(streamsByUuid.values());
        all.sort(java.util.Comparator.comparing(p -> p.mapping().uuid()));
        return all;
    }

    void add(SqsPoller poller) {
        byUuid.put(poller.mapping().uuid(), poller);
    }

    SqsPoller find(String uuid) {
        return byUuid.get(uuid);
    }

    SqsPoller remove(String uuid) {
        SqsPoller poller = byUuid.remove(uuid);
        if (poller != null) {
            poller.stop();
        }
        return poller;
    }

    /** Stops the mappings of a deleted function. */
    void removeFunction(String functionArn) {
        for (SqsPoller poller : list()) {
            if (poller.mapping().functionArn().equals(functionArn)) {
                remove(poller.mapping().uuid());
            }
        }
        for (StreamPoller poller : streams()) {
            if (poller.mapping().functionArn().equals(functionArn)) {
                removeStream(poller.mapping().uuid());
            }
        }
    }

    List<SqsPoller> list() {
        List<SqsPoller> all = new ArrayList<>(byUuid.values());
        all.sort(java.util.Comparator.comparing(p -> p.mapping().uuid()));
        return all;
    }

    /** Stops every mapping, dropping the batches in progress (a reset). */
    void abandon() {
        byUuid.values().forEach(SqsPoller::abandon);
        streamsByUuid.values().forEach(StreamPoller::abandon);
    }

    void close() {
        byUuid.values().forEach(SqsPoller::stop);
        streamsByUuid.values().forEach(StreamPoller::stop);
    }
}
