package dev.simstack.core.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.FunctionEnvironment;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** The test functions: plain handler classes as an application would deploy them. */
public final class Handlers {

    private Handlers() {
    }

    /** An order in, a receipt out: a POJO RequestHandler. */
    public static final class Order {
        public String id;
        public int quantity;
    }

    public static final class Receipt {
        public String orderId;
        public int total;
        public String function;
    }

    public static final class OrderHandler implements RequestHandler<Order, Receipt> {
        @Override
        public Receipt handleRequest(Order order, Context context) {
            context.getLogger().log("pricing order " + order.id);
            Receipt receipt = new Receipt();
            receipt.orderId = order.id;
            receipt.total = order.quantity * 5;
            receipt.function = context.getFunctionName();
            return receipt;
        }
    }

    /** Reports what its Context says. */
    public static final class ContextHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        private int calls;

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            calls++;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requestId", context.getAwsRequestId());
            out.put("arn", context.getInvokedFunctionArn());
            out.put("version", context.getFunctionVersion());
            out.put("memory", context.getMemoryLimitInMB());
            out.put("remaining", context.getRemainingTimeInMillis());
            out.put("table", FunctionEnvironment.get(context, "TABLE"));
            out.put("accessKey", FunctionEnvironment.get(context, "AWS_ACCESS_KEY_ID"));
            out.put("calls", calls);
            return out;
        }
    }

    public static final class UpperCase implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
            return input.toUpperCase();
        }
    }

    public static final class Echo implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
            input.transferTo(output);
        }
    }

    /** A handler named as {@code Class::method}. */
    public static final class Greeter {
        public String greet(Map<String, String> input, Context context) {
            return "hello " + input.get("name");
        }
    }

    public static final class Failing implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            throw new IllegalStateException("inventory service unavailable");
        }
    }

    /** Blocks until released; interrupts count as the end of the wait. */
    public static final class Blocking implements RequestHandler<Map<String, Object>, String> {
        public static final ConcurrentHashMap<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
        public static final ConcurrentHashMap<String, CountDownLatch> STARTED = new ConcurrentHashMap<>();

        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            String gate = String.valueOf(input.get("gate"));
            STARTED.computeIfAbsent(gate, g -> new CountDownLatch(1)).countDown();
            try {
                GATES.computeIfAbsent(gate, g -> new CountDownLatch(1)).await();
                return "released";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    /** Records the SQS bodies it sees, per test key (the queue's name), in order. */
    public static final class SqsRecorder implements RequestHandler<SQSEvent, SQSBatchResponse> {
        public static final ConcurrentHashMap<String, List<String>> SEEN = new ConcurrentHashMap<>();
        public static final ConcurrentHashMap<String, List<Integer>> BATCH_SIZES = new ConcurrentHashMap<>();

        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            String queue = null;
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                queue = message.getEventSourceArn().substring(message.getEventSourceArn().lastIndexOf(':') + 1);
                if (message.getBody().startsWith("poison")) {
                    throw new IllegalArgumentException("cannot process " + message.getBody());
                }
                if (message.getBody().startsWith("fail")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                    continue;
                }
                SEEN.computeIfAbsent(queue, q -> new CopyOnWriteArrayList<>()).add(message.getBody());
            }
            BATCH_SIZES.computeIfAbsent(queue, q -> new CopyOnWriteArrayList<>()).add(event.getRecords().size());
            return new SQSBatchResponse(failures);
        }
    }
}
