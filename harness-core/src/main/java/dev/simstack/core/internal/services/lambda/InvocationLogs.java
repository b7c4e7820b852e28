package dev.simstack.core.internal.services.lambda;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The lines each invocation logged, by request id: what AWS would send to CloudWatch Logs. */
public final class InvocationLogs {

    private final ConcurrentHashMap<String, List<String>> byRequestId = new ConcurrentHashMap<>();

    void put(String requestId, List<String> lines) {
        byRequestId.put(requestId, List.copyOf(lines));
    }

    void clear() {
        byRequestId.clear();
    }

    /** The lines of invocation {@code requestId}, or an empty list if none ran with that id. */
    public List<String> lines(String requestId) {
        return byRequestId.getOrDefault(requestId, List.of());
    }
}
