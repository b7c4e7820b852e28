package dev.simstack.core.internal.services.lambda;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The event source mappings of one region, each with its poller: SQS queues' and DynamoDB streams'. */
final class MappingDirectory {

    private final Pollers<SqsPoller> queues = new Pollers<>();
    private final Pollers<StreamPoller> streams = new Pollers<>();

    void add(SqsPoller poller) {
        queues.add(poller);
    }

    SqsPoller find(String uuid) {
        return queues.find(uuid);
    }

    SqsPoller remove(String uuid) {
        return queues.remove(uuid);
    }

    List<SqsPoller> list() {
        return queues.list();
    }

    void add(StreamPoller poller) {
        streams.add(poller);
    }

    /** The stream mapping {@code uuid}, or null (it may be an SQS one). */
    StreamPoller findStream(String uuid) {
        return streams.find(uuid);
    }

    void removeStream(String uuid) {
        streams.remove(uuid);
    }

    /** The stream mappings, by UUID. */
    List<StreamPoller> streams() {
        return streams.list();
    }

    /** Stops the mappings of a deleted function. */
    void removeFunction(String functionArn) {
        queues.removeFunction(functionArn);
        streams.removeFunction(functionArn);
    }

    /** Stops every mapping, dropping the batches in progress (a reset). */
    void abandon() {
        queues.each(MappingPoller::abandon);
        streams.each(MappingPoller::abandon);
    }

    void close() {
        queues.each(MappingPoller::stop);
        streams.each(MappingPoller::stop);
    }

    /** Pollers of one kind by their mapping's UUID. */
    private static final class Pollers<P extends MappingPoller> {
        private final ConcurrentHashMap<String, P> byUuid = new ConcurrentHashMap<>();

        void add(P poller) {
            byUuid.put(poller.uuid(), poller);
        }

        P find(String uuid) {
            return byUuid.get(uuid);
        }

        P remove(String uuid) {
            P poller = byUuid.remove(uuid);
            if (poller != null) {
                poller.stop();
            }
            return poller;
        }

        List<P> list() {
            List<P> all = new ArrayList<>(byUuid.values());
            all.sort(Comparator.comparing(MappingPoller::uuid));
            return all;
        }

        void removeFunction(String functionArn) {
            for (P poller : list()) {
                if (poller.functionArn().equals(functionArn)) {
                    remove(poller.uuid());
                }
            }
        }

        void each(Consumer<MappingPoller> action) {
            byUuid.values().forEach(action);
        }
    }
}
