package dev.simstack.assertions;

import static dev.simstack.assertions.error.ShouldBeEmpty.shouldBeEmpty;
import static dev.simstack.assertions.error.ShouldContainBodies.shouldContainBodiesInAnyOrder;
import static dev.simstack.assertions.error.ShouldContainBodies.shouldContainExactlyBodies;
import static dev.simstack.assertions.error.ShouldDrainWithin.shouldDrainWithin;
import static dev.simstack.assertions.error.ShouldHaveBodiesMatching.shouldHaveBodiesMatching;
import static dev.simstack.assertions.error.ShouldHaveDeadLetterQueue.shouldHaveDeadLetterQueue;
import static dev.simstack.assertions.error.ShouldHaveDepth.shouldHaveDepth;
import static dev.simstack.assertions.error.ShouldHaveMessageWithAttribute.shouldHaveMessageWithAttribute;
import static dev.simstack.assertions.error.ShouldHaveReceiveCounts.shouldAllHaveReceiveCount;
import static dev.simstack.assertions.error.ShouldHaveReceiveCounts.shouldHaveReceiveCounts;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.PeekedMessage;
import dev.simstack.core.QueueDepth;
import dev.simstack.core.QueueHandle;
import dev.simstack.core.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an SQS queue of a running stack, read through its {@link QueueHandle} without receiving anything
 * (depth and peek change nothing). Every check reads the queue afresh; its failure shows what the queue holds
 * (a peek, in queue order). After {@link #eventually()} every check retries until it holds.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public class QueueAssert extends AbstractAssert<QueueAssert, QueueHandle> {

    private Origin origin;
    private Eventually eventually;

    /**
     * An assert on {@code actual} that knows no stack: every check works except {@link #eventually()} and
     * {@link #drainsWithin(Duration)}, which move or wait on the stack's clock. Take it with
     * {@code SimStackAssertions.assertThat(stack).queue(name)} to have those too (soft assertions construct it
     * reflectively).
     *
     * @param actual the queue's handle
     */
    public QueueAssert(QueueHandle actual) {
        super(actual, QueueAssert.class);
    }

    static QueueAssert of(Origin origin, QueueHandle queue, Eventually eventually) {
        QueueAssert made = origin.make(QueueAssert.class, QueueHandle.class, queue, QueueAssert::new);
        made.bind(origin, eventually);
        return made;
    }

    void bind(Origin from, Eventually retry) {
        this.origin = from;
        this.eventually = retry;
    }

    /**
     * The same assertions, each retried until it holds: on a manual clock this advances the stack's clock 100 ms
     * at a time, up to 15 virtual minutes, giving the stack's threads a few milliseconds of wall time after each
     * step; on a real or scaled clock it waits up to 10 seconds. The failure says which, and the last failure.
     *
     * @return an assert whose checks retry
     */
    public QueueAssert eventually() {
        stack("eventually()");
        return of(origin, actual, Eventually.defaults());
    }

    /**
     * The same assertions, each retried until it holds within {@code within}: virtual time on a manual clock
     * (which this advances), wall time on a real or scaled clock.
     *
     * @param within how long to keep trying
     * @return an assert whose checks retry
     */
    public QueueAssert eventually(Duration within) {
        stack("eventually(within)");
        return of(origin, actual, Eventually.defaults().withWithin(within));
    }

    /**
     * Checks how many messages are visible (a receive could get them now): ApproximateNumberOfMessages.
     *
     * @param expected the number of visible messages
     * @return this assert
     */
    public QueueAssert hasDepth(int expected) {
        return hasVisible(expected);
    }

    /**
     * Checks how many messages are visible, as {@link #hasDepth(int)}.
     *
     * @param expected the number of visible messages
     * @return this assert
     */
    public QueueAssert hasVisible(int expected) {
        return depthIs("visible", QueueDepth::visible, expected);
    }

    /**
     * Checks how many messages are in flight (received, not deleted, hidden by their visibility timeout).
     *
     * @param expected the number of messages in flight
     * @return this assert
     */
    public QueueAssert hasInFlight(int expected) {
        return depthIs("in flight", QueueDepth::inFlight, expected);
    }

    /**
     * Checks how many messages are delayed (sent with a delay that has not passed yet).
     *
     * @param expected the number of delayed messages
     * @return this assert
     */
    public QueueAssert hasDelayed(int expected) {
        return depthIs("delayed", QueueDepth::delayed, expected);
    }

    /**
     * Checks how many messages the queue holds in all: visible, in flight and delayed.
     *
     * @param expected the number of messages
     * @return this assert
     */
    public QueueAssert hasTotalDepth(int expected) {
        return depthIs("in total", QueueDepth::total, expected);
    }

    /**
     * Checks that the queue holds nothing: no message visible, in flight or delayed.
     *
     * @return this assert
     */
    public QueueAssert isEmpty() {
        return check(() -> {
            List<PeekedMessage> peek = actual.peek();
            QueueDepth depth = depthOf(peek);
            if (!depth.isEmpty()) {
                throwAssertionError(shouldBeEmpty(name(), depth, peek));
            }
        });
    }

    /**
     * Checks the bodies of all the queue's messages (whatever their state), in queue order.
     *
     * @param bodies the bodies expected, in order
     * @return this assert
     */
    public QueueAssert containsExactlyBodies(String... bodies) {
        List<String> expected = List.of(bodies);
        return check(() -> {
            List<PeekedMessage> peek = actual.peek();
            if (!bodiesOf(peek).equals(expected)) {
                throwAssertionError(shouldContainExactlyBodies(name(), expected, peek));
            }
        });
    }

    /**
     * Checks the bodies of all the queue's messages (whatever their state), in any order: each body expected is
     * carried by one message, and no message carries another.
     *
     * @param bodies the bodies expected, in any order (a body expected twice needs two messages)
     * @return this assert
     */
    public QueueAssert containsBodiesInAnyOrder(String... bodies) {
        List<String> expected = List.of(bodies);
        return check(() -> {
            List<PeekedMessage> peek = actual.peek();
            List<String> unexpected = new ArrayList<>(bodiesOf(peek));
            List<String> missing = new ArrayList<>();
            expected.forEach(body -> {
                if (!unexpected.remove(body)) {
                    missing.add(body);
                }
            });
            if (!missing.isEmpty() || !unexpected.isEmpty()) {
                throwAssertionError(shouldContainBodiesInAnyOrder(name(), expected, missing, unexpected, peek));
            }
        });
    }

    /**
     * Checks that the queue holds at least one message and that every message's whole body matches {@code regex}.
     *
     * @param regex a {@link Pattern} the whole body must match
     * @return this assert
     */
    public QueueAssert containsBodiesMatching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return bodiesMatch(body -> pattern.matcher(body).matches(), "the regex " + regex);
    }

    /**
     * Checks that the queue holds at least one message and that every message's body satisfies {@code condition}.
     *
     * @param condition what each body must satisfy
     * @param description what the condition says, for the failure message, e.g. {@code "a JSON order"}
     * @return this assert
     */
    public QueueAssert containsBodiesMatching(Predicate<? super String> condition, String description) {
        return bodiesMatch(Objects.requireNonNull(condition, "condition"), description);
    }

    private QueueAssert bodiesMatch(Predicate<? super String> condition, String description) {
        return check(() -> {
            List<PeekedMessage> peek = actual.peek();
            List<Integer> mismatches = IntStream.range(0, peek.size())
                    .filter(i -> !condition.test(peek.get(i).body())).mapToObj(i -> i + 1).toList();
            if (peek.isEmpty() || !mismatches.isEmpty()) {
                throwAssertionError(shouldHaveBodiesMatching(name(), description, peek, mismatches));
            }
        });
    }

    /**
     * Checks that some message carries a String or Number message attribute {@code name} with {@code value}.
     *
     * @param name the attribute's name
     * @param value its value, as sent (a Number's text)
     * @return this assert
     */
    public QueueAssert hasMessageWithAttribute(String name, String value) {
        return check(() -> {
            List<PeekedMessage> peek = actual.peek();
            boolean found = peek.stream().map(message -> message.attributes().get(name))
                    .anyMatch(attribute -> attribute != null && value.equals(attribute.stringValue()));
            if (!found) {
                throwAssertionError(shouldHaveMessageWithAttribute(name(), name, value, peek));
            }
        });
    }

    /**
     * Checks that the queue holds at least one message and that every message was received {@code expected} times
     * (SQS's ApproximateReceiveCount, exact here; in a dead-letter queue, the receives in the source queue).
     *
     * @param expected the receive count of every message
     * @return this assert
     */
    public QueueAssert allHaveReceiveCount(int expected) {
        return check(() -> {
            List<PeekedMessage> peek = actual.peek();
            if (peek.isEmpty() || peek.stream().anyMatch(message -> message.receiveCount() != expected)) {
                throwAssertionError(shouldAllHaveReceiveCount(name(), expected, peek));
            }
        });
    }

    /**
     * Checks each message's receive count, in queue order.
     *
     * @param expected the receive counts, one per message in the queue
     * @return this assert
     */
    public QueueAssert hasReceiveCounts(int... expected) {
        List<Integer> counts = Arrays.stream(expected).boxed().toList();
        return check(() -> {
            List<PeekedMessage> peek = actual.peek();
            if (!peek.stream().map(PeekedMessage::receiveCount).toList().equals(counts)) {
                throwAssertionError(shouldHaveReceiveCounts(name(), counts, peek));
            }
        });
    }

    /**
     * Checks that the queue becomes empty (nothing visible, in flight or delayed) within {@code within} on the
     * stack's clock: a manual clock is advanced in steps up to that, other clocks are waited on.
     *
     * @param within the time it has to drain
     * @return this assert
     */
    public QueueAssert drainsWithin(Duration within) {
        Eventually retry = Eventually.defaults().withWithin(within);
        Optional<Eventually.Failure> failure = retry.hold(stack("drainsWithin"), () -> {
            if (!actual.depth().isEmpty()) {
                throw new AssertionError("not drained");
            }
        });
        failure.ifPresent(f -> {
            List<PeekedMessage> peek = actual.peek();
            throwAssertionError(shouldDrainWithin(name(), f.how(), depthOf(peek), peek));
        });
        return myself;
    }

    /**
     * Navigates to the queue's dead-letter queue (its redrive policy's target); fails if it has none.
     *
     * @return the dead-letter queue's assert, which checks once (call {@code eventually()} on it to retry)
     */
    public QueueAssert deadLetterQueue() {
        Optional<QueueHandle> target = actual.deadLetterQueue();
        if (target.isEmpty()) {
            throwAssertionError(shouldHaveDeadLetterQueue(name()));
        }
        return origin == null ? new QueueAssert(target.get()) : of(origin, target.get(), null);
    }

    private QueueAssert depthIs(String state, ToIntFunction<QueueDepth> count, int expected) {
        return check(() -> {
            List<PeekedMessage> peek = actual.peek();
            QueueDepth depth = depthOf(peek);
            int found = count.applyAsInt(depth);
            if (found != expected) {
                throwAssertionError(shouldHaveDepth(name(), state, expected, found, depth, peek));
            }
        });
    }

    /** Runs {@code body} once, or until it holds after {@link #eventually()}. */
    private QueueAssert check(Runnable body) {
        Eventually.check(eventually, () -> stack("eventually()"), body, this::throwAssertionError);
        return myself;
    }

    private Stack stack(String assertion) {
        return Origin.stackOf(origin, assertion, "SimStackAssertions.assertThat(stack).queue(name)");
    }

    /** The depth a peek shows: its messages by state, so that depth and listing agree. */
    private static QueueDepth depthOf(List<PeekedMessage> peek) {
        int[] byState = new int[PeekedMessage.State.values().length];
        peek.forEach(message -> byState[message.state().ordinal()]++);
        return new QueueDepth(byState[PeekedMessage.State.VISIBLE.ordinal()],
                byState[PeekedMessage.State.IN_FLIGHT.ordinal()], byState[PeekedMessage.State.DELAYED.ordinal()]);
    }

    private static List<String> bodiesOf(List<PeekedMessage> peek) {
        return peek.stream().map(PeekedMessage::body).toList();
    }

    private String name() {
        return "queue " + actual.ref().name() + " in " + actual.ref().region();
    }
}
