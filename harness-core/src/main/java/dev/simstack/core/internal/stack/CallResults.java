package dev.simstack.core.internal.stack;

import dev.simstack.core.CallResult;
import dev.simstack.core.internal.protocol.HttpAnswer;
import dev.simstack.core.internal.protocol.WireCut;

/**
 * The engine's side of {@link CallResult}: makes successes carrying a wire answer and reads the answer back.
 * {@code CallResult} has no public way to do either, so that interceptors cannot forge a service's answer;
 * it hands this class an {@link Access} when it is initialized (the JDK's "shared secrets" pattern). The
 * access is installed once and never changes.
 */
public final class CallResults {

    /** What {@link CallResult} lets the engine do; implemented by {@code CallResult} itself. */
    public interface Access {

        /** A success answered with {@code status}, carrying {@code answer}. */
        CallResult success(int status, Object answer);

        /** The answer a success carries, or null for a failure. */
        Object answer(CallResult result);

        /** How the result breaks its answer on the wire, or null to send it whole. */
        WireCut cut(CallResult result);
    }

    private static volatile Access access;

    private CallResults() {
    }

    /**
     * Called once, by {@link CallResult}'s initializer.
     *
     * @throws IllegalStateException if an access is installed already
     */
    public static synchronized void install(Access granted) {
        if (access != null) {
            throw new IllegalStateException("CallResult's engine access is installed once, by CallResult");
        }
        access = granted;
    }

    /** A success whose answer on the wire is {@code answer}. */
    static CallResult success(HttpAnswer answer) {
        return access().success(answer.status(), answer);
    }

    /** The wire answer of a success; null for a failure. */
    static HttpAnswer answer(CallResult result) {
        return (HttpAnswer) access().answer(result);
    }

    /** How {@code result} breaks its answer on the wire, or null. */
    static WireCut cut(CallResult result) {
        return access().cut(result);
    }

    private static Access access() {
        Access granted = access;
        if (granted == null) {
            initialize();
            granted = access;
        }
        return granted;
    }

    /** Runs CallResult's initializer, which installs the access, if nothing has used CallResult yet. */
    private static void initialize() {
        try {
            Class.forName(CallResult.class.getName(), true, CallResult.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
