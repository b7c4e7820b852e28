package dev.simstack.junit.jqwik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.Burst;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** What a {@code @SimStack} property cannot have fails, naming the element and the fix. */
class PropertyMisuseTest {

    @Test
    void a_parameter_the_harness_cannot_give_fails_naming_it_and_the_fix() {
        assertThat(Kit.failureMessages(Kit.runOnJqwik(AsksForABuilder.class))).singleElement().asString()
                .startsWith("parameter #2 of AsksForABuilder.builds (SqsClientBuilder): the harness injects Stack,")
                .endsWith("; to build a client yourself, configure your builder with"
                        + " SimStackClients.configure(builder, stack)");
    }

    @Test
    void an_annotated_burst_on_a_property_fails_and_says_how_to_fire_one() {
        assertThat(Kit.failureMessages(Kit.runOnJqwik(BurstOnAProperty.class))).containsExactly("@Burst on"
                + " BurstOnAProperty.bursts: jqwik properties do not fire annotated bursts; fire one in the property"
                + " with Bursts.fire(stack, BurstSpec.api(...)) or Bursts.fire(stack, BurstSpec.queue(...))");
    }

    @SimStack
    static class AsksForABuilder {
        @Property(tries = 1)
        void builds(@ForAll int any, SqsClientBuilder builder) {
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class BurstOnAProperty {
        @Property(tries = 1)
        @Burst(queue = "orders", requests = 10, over = "1s", body = "${n}")
        void bursts(@ForAll int any, Stack stack) {
        }
    }
}
