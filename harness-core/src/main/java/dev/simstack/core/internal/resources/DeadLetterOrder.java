package dev.simstack.core.internal.resources;

import dev.simstack.core.QueueSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Declared queues in the order SQS can create them: a dead-letter queue before the queues that redrive
 * to it (a RedrivePolicy must name an existing queue), otherwise in declaration order.
 */
final class DeadLetterOrder {

    private DeadLetterOrder() {
    }

    static List<QueueSpec> sort(List<QueueSpec> queues, DeclaredRegions regions) {
        Set<String> declared = new HashSet<>();
        queues.forEach(queue -> declared.add(key(regions.of(queue), queue.name())));
        List<QueueSpec> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<QueueSpec> pending = new ArrayList<>(queues);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Iterator<QueueSpec> it = pending.iterator(); it.hasNext();) {
                QueueSpec queue = it.next();
                String region = regions.of(queue);
                String target = queue.deadLetterQueue() == null ? null : key(region, queue.deadLetterQueue());
                if (target == null || placed.contains(target) || !declared.contains(target)) {
                    ordered.add(queue);
                    placed.add(key(region, queue.name()));
                    it.remove();
                    progress = true;
                }
            }
        }
        // A redrive cycle: SQS refuses the first queue whose dead-letter queue is missing, with its message.
        ordered.addAll(pending);
        return ordered;
    }

    private static String key(String region, String name) {
        return region + "/" + name;
    }
}
