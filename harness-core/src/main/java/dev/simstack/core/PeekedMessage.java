package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A message as it lies in a queue, seen by {@link QueueHandle#peek()} without receiving it: nothing about
 * the message changes by being peeked (no visibility timeout starts, its receive count stays, the ledger
 * records nothing).
 *
 * @param messageId the SQS message id, as SendMessage answered it
 * @param body the body
 * @param attributes the message attributes the sender set, by name, sorted
 * @param systemAttributes the message system attributes SQS keeps for it, by name, in ReceiveMessage's
 *     order, only those that have a value: {@code SenderId}, {@code SentTimestamp} (epoch millis),
 *     {@code ApproximateFirstReceiveTimestamp} (once received), {@code SequenceNumber},
 *     {@code MessageDeduplicationId} and {@code MessageGroupId} (FIFO queues), {@code AWSTraceHeader},
 *     {@code DeadLetterQueueSourceArn} (in a dead-letter queue). The receive count is {@link #receiveCount()}.
 * @param receiveCount how often it was received (ApproximateReceiveCount; exact here)
 * @param state whether it is visible, in flight or delayed now
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record PeekedMessage(String messageId, String body, Map<String, Attribute> attributes,
        Map<String, String> systemAttributes, int receiveCount, State state) {

    /** Copies both maps, so that a peeked message never changes. */
    public PeekedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        attributes = Map.copyOf(attributes);
        systemAttributes = Map.copyOf(systemAttributes);
    }

    /** Where a message is in its life in the queue. */
    @API(status = EXPERIMENTAL, since = "0.2")
    public enum State {
        /** A receive could get it now. */
        VISIBLE,
        /** Received and hidden until its visibility timeout ends (or it is deleted). */
        IN_FLIGHT,
        /** Sent with a delay (DelaySeconds or the queue's) that has not passed yet. */
        DELAYED
    }

    /**
     * One message attribute as the sender set it.
     *
     * @param dataType {@code String}, {@code Number} or {@code Binary}, with the custom label if any
     *     ({@code Number.int})
     * @param stringValue the value of a String or Number attribute (a Number's text as sent), else null
     * @param binaryValue the bytes of a Binary attribute (a copy), else null
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public record Attribute(String dataType, String stringValue, byte[] binaryValue) {

        /** Copies the bytes, so the attribute never changes. */
        public Attribute {
            Objects.requireNonNull(dataType, "dataType");
            binaryValue = binaryValue == null ? null : binaryValue.clone();
        }

        /** A String or Number attribute. */
        public static Attribute of(String dataType, String value) {
            return new Attribute(dataType, Objects.requireNonNull(value, "value"), null);
        }

        /** A Binary attribute. */
        public static Attribute ofBinary(String dataType, byte[] value) {
            return new Attribute(dataType, null, Objects.requireNonNull(value, "value"));
        }

        /** The bytes of a Binary attribute (a copy), else null. */
        @Override
        public byte[] binaryValue() {
            return binaryValue == null ? null : binaryValue.clone();
        }

        /** Equal when type and value are, comparing bytes by content. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Attribute that && dataType.equals(that.dataType)
                    && Objects.equals(stringValue, that.stringValue) && Arrays.equals(binaryValue, that.binaryValue);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dataType, stringValue) * 31 + Arrays.hashCode(binaryValue);
        }

        @Override
        public String toString() {
            return dataType + ":" + (binaryValue != null ? binaryValue.length + " bytes" : stringValue);
        }
    }
}
