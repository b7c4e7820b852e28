package dev.simstack.junit.misuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.simstack.core.QueueDepth;
import dev.simstack.core.QueueHandle;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.Api;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.Function;
import dev.simstack.junit.InRegion;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.Route;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SqsEvent;
import dev.simstack.junit.StackDefinition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** Each mistake fails fast, with a message that names the element and the fix. */
class MisuseTest {

    private static String failureOf(Class<?> fixture) {
        return Kit.failureMessages(Kit.run(fixture)).get(0);
    }

    @Test
    void an_unknown_queue_in_an_sqs_event() {
        assertThat(failureOf(UnknownEventQueue.class)).isEqualTo("@SimStack on UnknownEventQueue: @SqsEvent of"
                + " @Function(name = \"worker\") names queue 'ordres', which the stack does not declare; declared queues:"
                + " [orders]. Declare it, e.g. @Queue(name = \"ordres\"), or fix the name.");
    }

    @Test
    void an_unknown_queue_in_a_route() {
        assertThat(failureOf(UnknownRouteQueue.class)).isEqualTo("@SimStack on UnknownRouteQueue: @Route(key ="
                + " \"POST /orders\") of @Api(name = \"shop\") names queue 'ordres', which the stack does not declare;"
                + " declared queues: [orders]. Declare it, e.g. @Queue(name = \"ordres\"), or fix the name.");
    }

    @Test
    void a_route_to_neither_a_queue_nor_a_function() {
        assertThat(failureOf(RouteToNothing.class)).isEqualTo("@SimStack on RouteToNothing: @Route(key = \"POST"
                + " /orders\") of @Api(name = \"shop\") must name exactly one of queue or function, e.g. @Route(key ="
                + " \"POST /orders\", queue = \"orders\")");
    }

    @Test
    void a_handler_without_a_no_argument_constructor() {
        assertThat(failureOf(HandlerWithoutConstructor.class)).isEqualTo("@SimStack on HandlerWithoutConstructor:"
                + " @Function(name = \"worker\") has handler = NeedsArguments.class, which has no no-argument"
                + " constructor: add a public one (Lambda creates the handler with it, then reuses it)");
    }

    @Test
    void a_handler_that_is_no_handler() {
        assertThat(failureOf(HandlerOfNoKind.class)).isEqualTo("@SimStack on HandlerOfNoKind: @Function(name ="
                + " \"worker\") has handler = String.class, which implements neither RequestHandler nor"
                + " RequestStreamHandler (aws-lambda-java-core): implement one, or name a method with handlerMethod ="
                + " \"java.lang.String::handle\"");
    }

    @Test
    void a_dead_letter_queue_without_a_receive_count() {
        assertThat(failureOf(DeadLetterQueueWithoutCount.class)).isEqualTo("@SimStack on"
                + " DeadLetterQueueWithoutCount: @Queue(name = \"orders\") has deadLetterQueue = \"orders-dlq\" but"
                + " maxReceiveCount = 0: a redrive policy needs maxReceiveCount from 1 to 1000, e.g. maxReceiveCount = 3");
    }

    @Test
    void a_template_resource_type_that_is_not_supported() {
        assertThat(failureOf(UnsupportedTemplate.class)).startsWith("@SimStack on UnsupportedTemplate could not"
                + " start its stack: ").contains("AWS::Kinesis::Stream");
    }

    @Test
    void a_template_that_is_nowhere() {
        assertThat(failureOf(MissingTemplate.class)).startsWith("@SimStack on MissingTemplate: template ="
                + " \"nowhere.yaml\" was found neither on the class path (next to MissingTemplate or at the root, e.g."
                + " src/test/resources/nowhere.yaml) nor as a file relative to ");
    }

    @Test
    void a_definition_that_disagrees_with_the_annotation() {
        assertThat(failureOf(DisagreeingDefinition.class)).isEqualTo("@SimStack on DisagreeingDefinition says seed"
                + " = 7 but its definition SeedEight sets seed 8: say it in one place (remove it from the annotation or"
                + " from the definition)");
    }

    @Test
    void a_resource_declared_by_the_annotation_and_the_definition() {
        assertThat(failureOf(DeclaredTwice.class)).isEqualTo("@SimStack on DeclaredTwice declares queue 'orders in"
                + " us-east-1' twice (in the annotation and in its definition OrdersQueue, or twice in one of them):"
                + " declare it once");
    }

    @Test
    void a_clock_that_is_no_clock() {
        assertThat(failureOf(BadClock.class)).isEqualTo("@SimStack on BadClock: unknown clock 'fast': use real,"
                + " manual, manual:<ISO instant> or scaled:<factor>");
    }

    @Test
    void a_parameter_type_nobody_provides() {
        assertThat(failureOf(AsksForADepth.class)).isEqualTo("parameter #1 of AsksForADepth.test (QueueDepth):"
                + " the harness injects Stack, SimClock, Ledger, FaultInjector, the handles QueueHandle, TableHandle,"
                + " BucketHandle, FunctionHandle, ApiHandle, SDK clients of SQS, DynamoDB, S3, Lambda and API Gateway,"
                + " S3Presigner, @ApiUrl URI and @QueueUrl String; QueueDepth comes from one of those (e.g."
                + " stack.queue(\"orders\").depth())");
        assertThat(failureOf(AsksForABuilder.class)).endsWith("String; to build a client yourself, configure your"
                + " builder with SimStackClients.configure(builder, stack)");
    }

    @Test
    void a_handle_that_needs_a_name() {
        assertThat(failureOf(AmbiguousHandle.class)).isEqualTo("parameter #1 of AmbiguousHandle.test"
                + " (QueueHandle): the stack declares 2 queues [a, b]: say which one with @Named(\"a\")");
    }

    @Test
    void a_region_the_stack_does_not_have() {
        assertThat(failureOf(OtherRegion.class)).isEqualTo("parameter #1 of OtherRegion.test (SqsClient):"
                + " @InRegion(\"eu-west-1\") is not a region of the stack [us-east-1]: add it to @SimStack(regions ="
                + " ...)");
    }

    @Test
    void a_burst_result_without_a_burst() {
        assertThat(failureOf(ResultWithoutBurst.class)).isEqualTo("parameter #1 of ResultWithoutBurst.test"
                + " (BurstResult): only a test method annotated with @Burst gets a BurstResult; add @Burst(...) to it,"
                + " or fire one with Bursts.fire(stack, spec)");
    }

    public static final class Noop implements RequestHandler<Object, Object> {
        @Override
        public Object handleRequest(Object input, Context context) {
            return null;
        }
    }

    public static final class NeedsArguments implements RequestHandler<Object, Object> {
        public NeedsArguments(String table) {
        }

        @Override
        public Object handleRequest(Object input, Context context) {
            return null;
        }
    }

    @SimStack(queues = @Queue(name = "orders"),
            functions = @Function(name = "worker", handler = Noop.class, sqsEvents = @SqsEvent(queue = "ordres")))
    static class UnknownEventQueue {
        @Test
        void test() {
        }
    }

    @SimStack(queues = @Queue(name = "orders"),
            apis = @Api(name = "shop", routes = @Route(key = "POST /orders", queue = "ordres")))
    static class UnknownRouteQueue {
        @Test
        void test() {
        }
    }

    @SimStack(queues = @Queue(name = "orders"), apis = @Api(name = "shop", routes = @Route(key = "POST /orders")))
    static class RouteToNothing {
        @Test
        void test() {
        }
    }

    @SimStack(functions = @Function(name = "worker", handler = NeedsArguments.class))
    static class HandlerWithoutConstructor {
        @Test
        void test() {
        }
    }

    @SimStack(functions = @Function(name = "worker", handler = String.class))
    static class HandlerOfNoKind {
        @Test
        void test() {
        }
    }

    @SimStack(queues = {@Queue(name = "orders-dlq"), @Queue(name = "orders", deadLetterQueue = "orders-dlq")})
    static class DeadLetterQueueWithoutCount {
        @Test
        void test() {
        }
    }

    @SimStack(template = "kinesis.yaml")
    static class UnsupportedTemplate {
        @Test
        void test() {
        }
    }

    @SimStack(template = "nowhere.yaml")
    static class MissingTemplate {
        @Test
        void test() {
        }
    }

    public static class SeedEight implements StackDefinition {
        @Override
        public StackConfig define(StackConfig base) {
            return base.withSeed(8);
        }
    }

    @SimStack(seed = 7, definition = SeedEight.class)
    static class DisagreeingDefinition {
        @Test
        void test() {
        }
    }

    public static class OrdersQueue implements StackDefinition {
        @Override
        public StackConfig define(StackConfig base) {
            return base.withQueue(dev.simstack.core.QueueSpec.named("orders"));
        }
    }

    @SimStack(queues = @Queue(name = "orders"), definition = OrdersQueue.class)
    static class DeclaredTwice {
        @Test
        void test() {
        }
    }

    @SimStack(clock = "fast")
    static class BadClock {
        @Test
        void test() {
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class AsksForADepth {
        @Test
        void test(QueueDepth depth) {
        }
    }

    @SimStack
    static class AsksForABuilder {
        @Test
        void test(SqsClientBuilder builder) {
        }
    }

    @SimStack(queues = {@Queue(name = "a"), @Queue(name = "b")})
    static class AmbiguousHandle {
        @Test
        void test(QueueHandle queue) {
        }
    }

    @SimStack
    static class OtherRegion {
        @Test
        void test(@InRegion("eu-west-1") SqsClient sqs) {
        }
    }

    @SimStack
    static class ResultWithoutBurst {
        @Test
        void test(BurstResult burst) {
        }
    }
}
