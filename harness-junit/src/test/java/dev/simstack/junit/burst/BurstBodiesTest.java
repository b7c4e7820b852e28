package dev.simstack.junit.burst;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.Burst;
import dev.simstack.junit.BurstBodies;
import dev.simstack.junit.BurstResult;
import dev.simstack.junit.BurstSpec;
import dev.simstack.junit.Bursts;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a burst sends: bodies and headers from templates, or bodies from a generator class. */
class BurstBodiesTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    /** Orders with a quantity drawn from the burst's seeded random. */
    public static final class Orders implements BurstBodies {
        @Override
        public String body(long n, Random random) {
            return "order " + n + " x" + (1 + random.nextInt(5));
        }
    }

    @Test
    void templates_fill_in_the_index_the_sequence_number_and_a_uuid_from_the_seed() {
        BurstSpec spec = BurstSpec.queue("orders").withRequests(3, Duration.ofSeconds(3))
                .withBody("{\"n\":${n},\"seq\":${seq},\"id\":\"${uuid}\"}")
                .withHeader("Trace", "t-${seq}-${uuid}");
        List<PeekedMessage> first = sent(7, spec);
        List<PeekedMessage> again = sent(7, spec);
        List<PeekedMessage> otherSeed = sent(8, spec);

        assertThat(first).extracting(PeekedMessage::body).satisfiesExactly(
                body -> assertThat(body).matches("\\{\"n\":0,\"seq\":1,\"id\":\"" + UUID + "\"}"),
                body -> assertThat(body).matches("\\{\"n\":1,\"seq\":2,\"id\":\"" + UUID + "\"}"),
                body -> assertThat(body).matches("\\{\"n\":2,\"seq\":3,\"id\":\"" + UUID + "\"}"));
        assertThat(first).extracting(PeekedMessage::body).doesNotHaveDuplicates();
        // A header becomes a message attribute on a queue, with the same UUID as the request's body.
        String uuid = first.get(0).body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(first.get(0).attributes().get("Trace"))
                .isEqualTo(PeekedMessage.Attribute.of("String", "t-1-" + uuid));
        assertThat(again).extracting(PeekedMessage::body).isEqualTo(bodies(first));
        assertThat(bodies(otherSeed)).doesNotContainAnyElementsOf(bodies(first));
    }

    @Test
    @Burst(queue = "orders", requests = 4, over = "4s", bodies = Orders.class)
    void a_generator_class_makes_each_body_with_a_random_seeded_from_the_stack() throws Exception {
        BurstSpec spec = BurstSpec.of(getClass()
                .getDeclaredMethod("a_generator_class_makes_each_body_with_a_random_seeded_from_the_stack")
                .getAnnotation(Burst.class));
        Random expected = new Random(7);

        assertThat(bodies(sent(7, spec))).containsExactly("order 0 x" + (1 + expected.nextInt(5)),
                "order 1 x" + (1 + expected.nextInt(5)), "order 2 x" + (1 + expected.nextInt(5)),
                "order 3 x" + (1 + expected.nextInt(5)));
    }

    @Test
    void a_burst_reaches_a_queue_in_another_region() {
        StackConfig config = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(7)
                .withRegions("us-east-1", "eu-west-1")
                .withQueue(QueueSpec.named("orders").inRegion("eu-west-1"));
        try (Stack stack = config.start()) {
            BurstResult result = Bursts.fire(stack, BurstSpec.queue("orders").inRegion("eu-west-1")
                    .withRequests(5, Duration.ofSeconds(1)).withBody("order ${n}"));

            assertThat(result.accepted()).isEqualTo(5);
            assertThat(stack.queue("eu-west-1", "orders").depth().visible()).isEqualTo(5);
        }
    }

    private static List<PeekedMessage> sent(long seed, BurstSpec spec) {
        try (Stack stack = ShopStacks.shop(seed).start()) {
            BurstResult result = Bursts.fire(stack, spec);
            assertThat(result.accepted()).as("%s", result).isEqualTo(result.total());
            return stack.queue("orders").peek();
        }
    }

    private static List<String> bodies(List<PeekedMessage> messages) {
        return messages.stream().map(PeekedMessage::body).toList();
    }
}
