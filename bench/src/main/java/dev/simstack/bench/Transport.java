package dev.simstack.bench;

import dev.simstack.core.InProcessHttpClient;
import dev.simstack.core.Stack;
import java.net.URI;

/**
 * How a benchmark's SDK client reaches what it measures: over a socket, on the Apache HTTP client with a pool
 * of {@code maxConnections} (at least the number of threads using it), or through the stack's in-process
 * transport ({@link InProcessHttpClient}), which skips the socket and HTTP's codec but nothing else.
 */
record Transport(URI endpoint, int maxConnections, Stack inProcess) {

    /** The backend parameter's value for clients on the in-process transport. */
    static final String IN_PROCESS = "sdk-in-process";

    static Transport socket(URI endpoint, int maxConnections) {
        return new Transport(endpoint, maxConnections, null);
    }

    static Transport inProcess(Stack stack) {
        return new Transport(stack.endpoint(), 0, stack);
    }

    /** The started stack reached the way {@code backend} ({@code engine} or {@link #IN_PROCESS}) says. */
    static Transport to(Stack stack, String backend) {
        return backend.equals(IN_PROCESS) ? inProcess(stack) : socket(stack.endpoint(), SqsTarget.MAX_CONNECTIONS);
    }
}
