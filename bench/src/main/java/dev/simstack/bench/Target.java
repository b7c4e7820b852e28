package dev.simstack.bench;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;

/**
 * What a throughput benchmark talks to, with one SDK client for it: a SimStack engine started from a
 * configuration and prepared through the client (tables, buckets), reached over its port or through the
 * in-process transport, or the floor server, which needs no preparing. (SQS's {@link SqsTarget} also fills
 * queues.)
 */
final class Target<C extends SdkClient> implements AutoCloseable {

    private final AutoCloseable server;
    private final Stack stack;
    private final C client;

    private Target(AutoCloseable server, Stack stack, C client) {
        this.server = server;
        this.stack = stack;
        this.client = client;
    }

    /**
     * @param backend {@code engine} (over the socket), {@code sdk-in-process} or {@code floor}
     * @param clients a client for a transport
     * @param prepare what the engine needs before the benchmark's calls (created through the client)
     */
    static <C extends SdkClient> Target<C> open(String backend, StackConfig config,
            Function<Transport, C> clients, Consumer<C> prepare) {
        switch (backend) {
            case "engine", Transport.IN_PROCESS:
                Stack stack = config.start();
                Target<C> target = new Target<>(stack, stack, clients.apply(Transport.to(stack, backend)));
                prepare.accept(target.client);
                return target;
            case "floor":
                FloorServer floor = FloorServer.start(SqsTarget.EVENT_LOOP_THREADS);
                return new Target<>(floor, null,
                        clients.apply(Transport.socket(floor.endpoint(), SqsTarget.MAX_CONNECTIONS)));
            default:
                throw new IllegalArgumentException("backend is engine, " + Transport.IN_PROCESS + " or floor, got "
                        + backend);
        }
    }

    C client() {
        return client;
    }

    /** The engine's stack; null for the floor. */
    Stack stack() {
        return stack;
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
