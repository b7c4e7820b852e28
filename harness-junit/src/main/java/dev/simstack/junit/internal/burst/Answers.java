package dev.simstack.junit.internal.burst;

import dev.simstack.core.SimClock;
import dev.simstack.junit.BurstRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * The requests of one burst as they are sent and answered. Answers arrive on the HTTP client's threads;
 * the burst's thread waits here for one answer, or for any.
 */
final class Answers {

    private record Answer(int status, Instant at, String requestId, boolean throttled) {
    }

    private final SimClock clock;
    private final BurstTarget target;
    private final Instant[] sentAt;
    private final Answer[] answers;
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    private int sent;
    private int answered;
    private int throttled;

    Answers(SimClock clock, BurstTarget target, int requests) {
        this.clock = clock;
        this.target = target;
        this.sentAt = new Instant[requests];
        this.answers = new Answer[requests];
    }

    /** Sends request {@code n} now, recording it as sent at the clock's instant and its answer when it comes. */
    void send(int n, IntFunction<CompletableFuture<HttpResponse<String>>> sender) {
        synchronized (this) {
            sentAt[n] = clock.now();
            sent++;
        }
        CompletableFuture<HttpResponse<String>> response;
        try {
            response = sender.apply(n);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((answer, failure) -> answered(n, answer));
        pending.add(response);
    }

    private void answered(int n, HttpResponse<String> response) {
        Instant at = clock.now();
        Answer answer = response == null ? new Answer(0, at, null, false)
                : new Answer(response.statusCode(), at, requestId(response), target.throttled(response.statusCode(),
                        response.body(), response.headers()));
        synchronized (this) {
            if (answers[n] != null) {
                return;
            }
            answers[n] = answer;
            answered++;
            throttled += answer.throttled() ? 1 : 0;
            notifyAll();
        }
    }

    private static String requestId(HttpResponse<String> response) {
        return response.headers().firstValue("x-amzn-RequestId")
                .or(() -> response.headers().firstValue("x-amz-request-id")).orElse(null);
    }

    /** Waits up to {@code nanos} of wall time for request {@code n}'s answer; true if it came. */
    synchronized boolean awaitAnswer(int n, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (answers[n] == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Waits up to {@code nanos} of wall time for more than {@code seen} answers; the count then. */
    synchronized int awaitMore(int seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (answered <= seen && answered < sent) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return answered;
    }

    synchronized int sent() {
        return sent;
    }

    synchronized int answered() {
        return answered;
    }

    synchronized int throttled() {
        return throttled;
    }

    synchronized boolean allAnswered() {
        return answered == sent;
    }

    /** Gives up on the requests still unanswered: they end with status 0. */
    void abandonUnanswered() {
        pending.forEach(future -> future.cancel(true));
    }

    /** Every request as the result shows it, with which ones were throttled, and the elapsed virtual time. */
    synchronized BurstOutcome outcome(String description) {
        List<BurstRequest> requests = new ArrayList<>(sent);
        BitSet throttledOnes = new BitSet(sent);
        Instant last = sent == 0 ? null : sentAt[sent - 1];
        for (int n = 0; n < sent; n++) {
            Answer answer = answers[n];
            if (answer == null || answer.status() == 0) {
                requests.add(new BurstRequest(n, sentAt[n], 0, Duration.ZERO, null));
                continue;
            }
            requests.add(new BurstRequest(n, sentAt[n], answer.status(), Duration.between(sentAt[n], answer.at()),
                    answer.requestId()));
            throttledOnes.set(n, answer.throttled());
            last = answer.at().isAfter(last) ? answer.at() : last;
        }
        Duration elapsed = sent == 0 ? Duration.ZERO : Duration.between(sentAt[0], last);
        return new BurstOutcome(description, requests, throttledOnes, elapsed);
    }
}
