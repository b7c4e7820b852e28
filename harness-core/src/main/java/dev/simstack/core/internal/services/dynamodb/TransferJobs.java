package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.StackContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The exports or the imports of one service, by ARN in the order they started, with what both share: their
 * ids, the 8-hour idempotency window of their {@code ClientToken}, and the paging of their listings.
 *
 * @param <J> an export or an import
 */
final class TransferJobs<J extends TransferJobs.Job> {

    /** AWS keeps a ClientToken for 8 hours. */
    private static final Duration TOKEN_WINDOW = Duration.ofHours(8);

    /** What the jobs share: identity, where they belong, how they were asked for. */
    interface Job {
        String arn();

        String tableArn();

        String region();

        String clientToken();

        /** The request without its ClientToken, to tell a retry from another request with the same token. */
        JsonNode request();

        Instant startTime();
    }

    private final Map<String, J> jobs = new LinkedHashMap<>();

    /**
     * An id as AWS mints them ({@code 01693685827463-2d8752fd}): the start in epoch milliseconds on 14 digits and
     * 8 hex digits from the stack's seeded random source.
     */
    static String newId(StackContext context) {
        long millis = context.clock().now().toEpochMilli();
        return String.format("%014d-%08x", millis, context.random().nextLong() & 0xFFFFFFFFL);
    }

    /**
     * The job an earlier request with {@code token} started (a retry answers it), or null; the same token with other
     * parameters inside the window is {@code conflict}.
     */
    synchronized J earlier(String token, JsonNode request, Instant now, AwsException conflict) {
        if (token == null) {
            return null;
        }
        for (J job : jobs.values()) {
            if (token.equals(job.clientToken()) && job.startTime().plus(TOKEN_WINDOW).isAfter(now)) {
                if (!job.request().equals(request)) {
                    throw conflict;
                }
                return job;
            }
        }
        return null;
    }

    synchronized void add(J job) {
        jobs.put(job.arn(), job);
    }

    synchronized J find(String arn) {
        return jobs.get(arn);
    }

    /**
     * One page of the jobs {@code filter} keeps, from the job whose ARN is {@code nextToken} (null for the
     * first page); the page's {@code next} is the ARN of the job after it, or null on the last page.
     */
    synchronized Page<J> page(Predicate<J> filter, String nextToken, int size, AwsException badToken) {
        List<J> kept = jobs.values().stream().filter(filter).toList();
        int start = 0;
        if (nextToken != null) {
            start = kept.stream().map(Job::arn).toList().indexOf(nextToken);
            if (start < 0) {
                throw badToken;
            }
        }
        int end = Math.min(kept.size(), start + size);
        return new Page<>(new ArrayList<>(kept.subList(start, end)), end < kept.size() ? kept.get(end).arn() : null);
    }

    synchronized void clear() {
        jobs.clear();
    }

    /** A page of a listing and the token of the next one (null when there is none). */
    record Page<J>(List<J> jobs, String next) {
    }

    /** The request members a ClientToken is compared on: every member but the token itself. */
    static JsonNode withoutToken(JsonNode input) {
        ObjectNode copy = input.deepCopy();
        copy.remove("ClientToken");
        return copy;
    }
}
