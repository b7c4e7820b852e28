package dev.simstack.junit.internal;

import dev.simstack.core.FunctionSpec;
import dev.simstack.core.SqsEventSource;
import dev.simstack.junit.Function;
import dev.simstack.junit.SqsEvent;
import java.time.Duration;
import java.util.Set;

/** The {@code @SqsEvent}s of a {@link Function} as the function's event source mappings. */
final class SqsEvents {

    private SqsEvents() {
    }

    static FunctionSpec declare(FunctionSpec spec, Function function) {
        FunctionSpec declared = spec;
        for (SqsEvent event : function.sqsEvents()) {
            SqsEventSource source = SqsEventSource.queue(event.queue()).withBatchSize(event.batchSize())
                    .withBatchingWindow(Duration.ofSeconds(event.batchingWindow())).withEnabled(event.enabled());
            if (event.maximumConcurrency() != 0) {
                source = source.withMaximumConcurrency(event.maximumConcurrency());
            }
            if (event.reportBatchItemFailures()) {
                source = source.withReportBatchItemFailures();
            }
            declared = declared.withSqsEvent(source);
        }
        return declared;
    }

    /** Each event source's queue must be declared too. */
    static void check(FunctionSpec function, Set<String> queues, String on) {
        for (SqsEventSource source : function.sqsEvents()) {
            References.require(queues, "queue", source.queueName(), "@SqsEvent of @Function(name = \""
                    + function.name() + "\")", on);
        }
    }
}
