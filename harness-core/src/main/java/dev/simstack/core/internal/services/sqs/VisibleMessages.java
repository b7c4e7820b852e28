package dev.simstack.core.internal.services.sqs;

import dev.simstack.core.SimRandom;
import java.util.List;

/**
 * How a queue type chooses what a receive gets: a standard queue samples any visible messages, a FIFO
 * queue hands out message groups in order. The {@link MessageStore} tells it about every state change;
 * it is only ever used under the queue's lock.
 */
interface VisibleMessages {

    /** {@code message} joined the queue, in any state. */
    void entered(SqsMessage message);

    /** {@code message} became visible, coming from state {@code from} (null when it just entered). */
    void visible(SqsMessage message, SqsMessage.State from);

    /** {@code message}, visible until now, went in flight. */
    void hidden(SqsMessage message);

    /** {@code message} left the queue from state {@code from}. */
    void left(SqsMessage message, SqsMessage.State from);

    /**
     * Up to {@code max} visible messages in the order a receive returns them. The caller hides or
     * removes each one before it picks again.
     */
    List<SqsMessage> pick(int max, SimRandom random);
}
