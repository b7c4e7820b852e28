package dev.simstack.core.internal.services.sqs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.SimClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A StartMessageMoveTask: moves the messages that were in a dead-letter queue when it started back to
 * the queues they were dead-lettered from (or to one destination), at most {@code rate} a second of the
 * stack's clock, until they are all moved, the queue runs dry, it is cancelled, or it fails.
 */
final class MessageMoveTask {

    /** The statuses ListMessageMoveTasks reports. */
    enum Status { RUNNING, COMPLETED, CANCELLING, CANCELLED, FAILED }

    private static final Duration TICK = Duration.ofSeconds(1);

    private final String taskHandle;
    private final SqsQueue source;
    private final QueueDirectory directory;
    private final SqsQueue destination;
    private final Integer requestedRate;
    private final int rate;
    private final long startedAt;
    private final int toMove;
    private final SimClock clock;
    private Status status = Status.RUNNING;
    private int moved;
    private String failureReason;
    private SimClock.Timer timer;

    MessageMoveTask(String taskHandle, SqsQueue source, QueueDirectory directory, SqsQueue destination,
            Integer requestedRate, int rate, SimClock clock) {
        this.taskHandle = taskHandle;
        this.source = source;
        this.directory = directory;
        this.destination = destination;
        this.requestedRate = requestedRate;
        this.rate = rate;
        this.clock = clock;
        this.startedAt = clock.millis();
        this.toMove = source.messages().counts()[0];
    }

    String taskHandle() {
        return taskHandle;
    }

    SqsQueue source() {
        return source;
    }

    synchronized Status status() {
        return status;
    }

    synchronized void start() {
        timer = clock.schedule(TICK, this::tick);
    }

    /** Moves one second's worth of messages. */
    void tick() {
        synchronized (this) {
            if (status != Status.RUNNING) {
                return;
            }
        }
        List<SqsMessage> taken = source.messages().takeForMove(Math.min(rate, toMove - movedSoFar()));
        String failure = deliver(taken);
        synchronized (this) {
            moved += taken.size();
            if (failure != null) {
                status = Status.FAILED;
                failureReason = failure;
            } else if (taken.isEmpty() || moved >= toMove) {
                status = Status.COMPLETED;
            } else if (status == Status.RUNNING) {
                timer = clock.schedule(TICK, this::tick);
            }
        }
    }

    private synchronized int movedSoFar() {
        return moved;
    }

    /** Sends each message on; returns a failure reason (after putting undeliverable ones back), or null. */
    private String deliver(List<SqsMessage> taken) {
        Map<SqsQueue, List<SqsMessage>> byTarget = new LinkedHashMap<>();
        List<SqsMessage> stranded = new ArrayList<>();
        for (SqsMessage message : taken) {
            SqsQueue target = destination != null ? destination
                    : message.deadLetterSourceArn == null ? null : directory.byArn(message.deadLetterSourceArn);
            if (target == null) {
                stranded.add(message);
            } else {
                byTarget.computeIfAbsent(target, t -> new ArrayList<>()).add(message);
            }
        }
        byTarget.forEach((target, messages) -> target.messages().acceptRedriven(messages));
        if (stranded.isEmpty()) {
            return null;
        }
        for (SqsMessage message : stranded) {
            source.messages().acceptDeadLetter(message, message.deadLetterSourceArn);
        }
        taken.removeAll(stranded);
        return stranded.get(0).deadLetterSourceArn == null ? "CouldNotDetermineMessageSource"
                : "AWS.SimpleQueueService.NonExistentQueue";
    }

    /** CancelMessageMoveTask: stops moving; what was moved stays moved. */
    synchronized int cancel() {
        if (status != Status.RUNNING) {
            throw SqsErrors.resourceNotFound("Only a RUNNING message move task can be cancelled; this one is "
                    + status + ".");
        }
        status = Status.CANCELLED;
        if (timer != null) {
            timer.cancel();
        }
        return moved;
    }

    synchronized void stop() {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The task as ListMessageMoveTasks describes it. */
    synchronized ObjectNode toJson(JsonNodeFactory nodes) {
        ObjectNode json = nodes.objectNode();
        if (status == Status.RUNNING) {
            json.put("TaskHandle", taskHandle);
        }
        json.put("Status", status.name());
        json.put("SourceArn", source.arn());
        if (destination != null) {
            json.put("DestinationArn", destination.arn());
        }
        if (requestedRate != null) {
            json.put("MaxNumberOfMessagesPerSecond", requestedRate);
        }
        json.put("ApproximateNumberOfMessagesMoved", moved);
        json.put("ApproximateNumberOfMessagesToMove", toMove);
        if (failureReason != null) {
            json.put("FailureReason", failureReason);
        }
        json.put("StartedTimestamp", startedAt);
        return json;
    }
}
