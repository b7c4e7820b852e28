package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.internal.engine.StackContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The message move tasks of one region, by handle and by source queue (newest first). Only one task may
 * run per source queue at a time.
 */
final class MessageMoveTasks {

    /** AWS keeps the history ListMessageMoveTasks shows for the 10 most recent tasks of a source. */
    private static final int HISTORY = 10;

    private final StackContext context;
    private final Map<String, MessageMoveTask> byHandle = new HashMap<>();
    private final Map<String, Deque<MessageMoveTask>> bySource = new HashMap<>();

    MessageMoveTasks(StackContext context) {
        this.context = context;
    }

    synchronized MessageMoveTask start(SqsQueue source, QueueDirectory directory, SqsQueue destination,
            Integer requestedRate, int rate) {
        Deque<MessageMoveTask> history = bySource.computeIfAbsent(source.arn(), arn -> new ArrayDeque<>());
        MessageMoveTask latest = history.peekFirst();
        if (latest != null && latest.status() == MessageMoveTask.Status.RUNNING) {
            throw SqsErrors.invalidParameterValue("There is already a task running. Only one active task is "
                    + "allowed for a source queue arn at a given time.");
        }
        MessageMoveTask task = new MessageMoveTask(handle(source.arn()), source, directory, destination,
                requestedRate, rate, context.clock());
        history.addFirst(task);
        if (history.size() > HISTORY) {
            byHandle.remove(history.removeLast().taskHandle());
        }
        byHandle.put(task.taskHandle(), task);
        task.start();
        return task;
    }

    /** AWS's task handles are base64 of a JSON naming the task and its source; ours too. */
    private String handle(String sourceArn) {
        String json = "{\"taskId\":\"" + context.ids().next() + "\",\"sourceArn\":\"" + sourceArn + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The task with this handle, or ResourceNotFoundException. */
    synchronized MessageMoveTask get(String taskHandle) {
        MessageMoveTask task = byHandle.get(taskHandle);
        if (task == null) {
            throw SqsErrors.resourceNotFound("Task does not exist.");
        }
        return task;
    }

    /** Up to {@code max} most recent tasks of a source queue, newest first. */
    synchronized List<MessageMoveTask> list(String sourceArn, int max) {
        Deque<MessageMoveTask> history = bySource.get(sourceArn);
        List<MessageMoveTask> tasks = new ArrayList<>();
        if (history != null) {
            for (MessageMoveTask task : history) {
                if (tasks.size() == max) {
                    break;
                }
                tasks.add(task);
            }
        }
        return tasks;
    }

    synchronized void close() {
        byHandle.values().forEach(MessageMoveTask::stop);
    }
}
