package dev.simstack.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Which invocations a Lambda fault picks: of a function (null for every function), whose event or one of whose
 * records' bodies matches a pattern, then exactly the nth of those (1-based; 0 for any) or each with a
 * probability, at most {@code times} in all ({@link CallPicks}, which counts them). The run's counts live in a
 * {@link Counter}, one per activation.
 */
record InvocationMatch(String function, double probability, long nth, long times, String bodyMatches) {

    private static final ObjectMapper JSON = new ObjectMapper();

    InvocationMatch {
        new CallPicks(probability, nth, times); // the same rules as every other fault's picks
        if (bodyMatches != null) {
            Pattern.compile(bodyMatches); // a bad pattern fails when the fault is written, not when it runs
        }
    }

    static InvocationMatch every(String function) {
        return new InvocationMatch(function, 1, 0, Long.MAX_VALUE, null);
    }

    CallPicks picks() {
        return new CallPicks(probability, nth, times);
    }

    boolean covers(ResourceRef ref) {
        return function == null || function.equals(ref.name());
    }

    /** "on worker, the 2nd, p=0.5, at most 1x, body ~ /o-1/": what a printed plan shows. */
    String describe() {
        StringBuilder text = new StringBuilder(function == null ? "on every function" : "on " + function);
        if (bodyMatches != null) {
            text.append(", body ~ /").append(bodyMatches).append('/');
        }
        return text.append(picks().describe("invocation ")).toString();
    }

    /** Counts one activation's invocations; draws from the fault's stream of the function invoked. */
    static final class Counter {
        private final InvocationMatch match;
        private final FaultContext context;
        private final Pattern body;
        private final CallPicks.Counter picks;

        Counter(InvocationMatch match, FaultContext context) {
            this.match = match;
            this.context = context;
            this.body = match.bodyMatches() == null ? null : Pattern.compile(match.bodyMatches());
            this.picks = new CallPicks.Counter(match.picks());
        }

        /** True when this invocation is one the fault picks. */
        boolean picks(ResourceRef function, byte[] event) {
            if (!match.covers(function) || (body != null && !bodyMatches(event))) {
                return false;
            }
            return picks.picks(context.random(function.name()));
        }

        /** An event with records (SQS, SNS, S3...) matches on any record's body; any other event on its text. */
        private boolean bodyMatches(byte[] event) {
            String text = new String(event, StandardCharsets.UTF_8);
            JsonNode records;
            try {
                records = JSON.readTree(event).path("Records");
            } catch (Exception e) {
                return body.matcher(text).find();
            }
            if (!records.isArray()) {
                return body.matcher(text).find();
            }
            for (JsonNode record : records) {
                if (record.has("body") && body.matcher(record.get("body").asText()).find()) {
                    return true;
                }
            }
            return false;
        }
    }
}
