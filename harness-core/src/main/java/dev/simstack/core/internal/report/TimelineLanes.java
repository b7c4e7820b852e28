package dev.simstack.core.internal.report;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sorts the ledger into the timeline's lanes, in the order traffic flows: APIs, then each service's requests,
 * then queues (message steps), functions (invocations), tables (item writes), buckets (object writes) and the
 * HTTP dependencies outside the engine (their calls).
 */
final class TimelineLanes {

    private static final String[] REQUEST = {"ok", "error", "throttled", "fault injected"};
    private static final String[] REQUEST_COLOURS = {Palette.OK, Palette.ERROR, Palette.WARN, Palette.FAULT};
    private static final String[] API = {"ok", "error", "throttled (429)"};
    private static final String[] API_COLOURS = {Palette.OK, Palette.ERROR, Palette.WARN};
    private static final String[] QUEUE = {"sent", "delivered", "redelivered", "deleted", "to DLQ", "expired/purged"};
    private static final String[] QUEUE_COLOURS = {"#4e79a7", Palette.OK, Palette.WARN, "#adb5bd", Palette.ERROR,
        Palette.FAULT};
    private static final String[] FUNCTION = {"success", "error", "timeout", "throttled"};
    private static final String[] FUNCTION_COLOURS = {Palette.OK, Palette.ERROR, Palette.FAULT, Palette.WARN};
    private static final String[] WRITE = {"applied", "refused by condition"};
    private static final String[] WRITE_COLOURS = {Palette.OK, Palette.WARN};

    private final Map<String, Lane> apis = new TreeMap<>();
    private final Map<String, Lane> services = new TreeMap<>();
    private final Map<String, Lane> queues = new TreeMap<>();
    private final Map<String, Lane> functions = new TreeMap<>();
    private final Map<String, Lane> tables = new TreeMap<>();
    private final Map<String, Lane> buckets = new TreeMap<>();
    private final Map<String, Lane> dependencies = new TreeMap<>();
    private final Names names;

    private TimelineLanes(Names names) {
        this.names = names;
    }

    static List<Lane> of(List<LedgerEntry> entries, TimeAxis axis, Names names) {
        TimelineLanes lanes = new TimelineLanes(names);
        for (LedgerEntry entry : entries) {
            lanes.add(entry, axis.bucket(entry.at()));
        }
        List<Lane> all = new ArrayList<>();
        for (Map<String, Lane> group : List.of(lanes.apis, lanes.services, lanes.queues, lanes.functions,
                lanes.tables, lanes.buckets, lanes.dependencies)) {
            all.addAll(group.values());
        }
        return all;
    }

    private void add(LedgerEntry entry, int bucket) {
        if (entry instanceof LedgerEntry.Request request && !LedgerSeries.Throttles.mirrorsApiRequest(request)) {
            String service = Palette.label(request.service());
            lane(services, "requests", service, Palette.of(request.service()), REQUEST, REQUEST_COLOURS)
                    .count(requestCategory(request), bucket);
        } else if (entry instanceof LedgerEntry.ApiRequest request) {
            lane(apis, AwsService.APIGATEWAY, request.api(), API, API_COLOURS)
                    .count(request.throttled() ? 2 : request.status() >= 400 ? 1 : 0, bucket);
        } else if (entry instanceof LedgerEntry.Message message) {
            int category = queueCategory(message);
            if (category >= 0) {
                lane(queues, AwsService.SQS, message.queue(), QUEUE, QUEUE_COLOURS).count(category, bucket);
            }
        } else if (entry instanceof LedgerEntry.Invocation run) {
            lane(functions, AwsService.LAMBDA, run.function(), FUNCTION, FUNCTION_COLOURS)
                    .count(run.outcome().ordinal(), bucket);
        } else if (entry instanceof LedgerEntry.ItemWrite write) {
            lane(tables, AwsService.DYNAMODB, write.table(), WRITE, WRITE_COLOURS).count(write.outcome().ordinal(), bucket);
        } else if (entry instanceof LedgerEntry.ObjectWrite write) {
            lane(buckets, AwsService.S3, write.bucket(), WRITE, WRITE_COLOURS).count(write.outcome().ordinal(), bucket);
        } else if (entry instanceof LedgerEntry.HttpCall call) {
            lane(dependencies, "HTTP dependency", call.dependency(), "#6c757d", REQUEST, REQUEST_COLOURS)
                    .count(call.fault() != null ? 3 : call.status() >= 200 && call.status() < 300 ? 0 : 1, bucket);
        }
    }

    private static int requestCategory(LedgerEntry.Request request) {
        if (request.fault() != null) {
            return 3;
        }
        if (LedgerSeries.Throttles.refused(request)) {
            return 2;
        }
        return request.status() >= 400 ? 1 : 0;
    }

    private static int queueCategory(LedgerEntry.Message message) {
        return switch (message.kind()) {
            case SENT -> 0;
            case DELIVERED -> message.receiveCount() > 1 ? 2 : 1;
            case DELETED -> 3;
            case MOVED_TO_DLQ -> 4;
            case EXPIRED, PURGED -> 5;
            case DEDUPLICATED -> -1;
        };
    }

    private Lane lane(Map<String, Lane> group, AwsService service, ResourceRef ref, String[] categories,
            String[] colours) {
        String kind = switch (service) {
            case APIGATEWAY -> "API";
            case SQS -> "queue";
            case LAMBDA -> "function";
            case DYNAMODB -> "table";
            case S3 -> "bucket";
            case IAM -> "role";
            case STS -> "session";
            case CLOUDFORMATION -> "stack";
        };
        return lane(group, kind, names.of(ref), Palette.of(service), categories, colours);
    }

    private static Lane lane(Map<String, Lane> group, String kind, String name, String colour, String[] categories,
            String[] colours) {
        return group.computeIfAbsent(name, n -> new Lane(kind, n, colour, categories, colours));
    }
}
