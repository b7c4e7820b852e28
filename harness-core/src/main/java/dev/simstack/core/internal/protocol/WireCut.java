package dev.simstack.core.internal.protocol;

/**
 * How the front door breaks an answer on the wire instead of sending it whole: the connection reset before
 * any byte, no answer at all, or the body cut after a fraction of its bytes and the connection closed.
 *
 * @param kind what happens to the connection
 * @param keptFraction for {@link Kind#TRUNCATED}, the share of the body sent before the close, in [0, 1)
 */
public record WireCut(Kind kind, double keptFraction) {

    /** What happens to the connection. */
    public enum Kind {
        /** Reset (TCP RST) before any byte of the answer. */
        RESET,
        /** Held open without an answer until the client gives up or the stack closes. */
        NO_ANSWER,
        /** The status and headers as answered, then part of the body, then the connection closes. */
        TRUNCATED
    }

    public WireCut {
        if (!(keptFraction >= 0 && keptFraction < 1)) {
            throw new IllegalArgumentException("a truncated body keeps a fraction in [0, 1) of its bytes, got "
                    + keptFraction);
        }
    }

    /** Words for the ledger's readers and toString. */
    public String describe() {
        return switch (kind) {
            case RESET -> "connection reset";
            case NO_ANSWER -> "no answer";
            case TRUNCATED -> "body truncated to " + Math.round(keptFraction * 100) + "%";
        };
    }
}
