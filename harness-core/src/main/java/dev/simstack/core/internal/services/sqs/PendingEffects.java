package dev.simstack.core.internal.services.sqs;

import java.util.ArrayList;
import java.util.List;

/**
 * What a queue operation decided under its lock but must do after releasing it: complete long polls
 * (whose continuations write HTTP answers) and hand dead-lettered messages to another queue (whose own
 * lock must never be taken while holding this one: two queues may be each other's dead-letter queue).
 */
final class PendingEffects {

    private List<Runnable> completions;
    private List<DeadLetter> deadLetters;

    private record DeadLetter(SqsQueue target, SqsMessage message, String sourceArn) {
    }

    void complete(Runnable completion) {
        if (completions == null) {
            completions = new ArrayList<>(2);
        }
        completions.add(completion);
    }

    void deadLetter(SqsQueue target, SqsMessage message, String sourceArn) {
        if (deadLetters == null) {
            deadLetters = new ArrayList<>(2);
        }
        deadLetters.add(new DeadLetter(target, message, sourceArn));
    }

    /** Runs everything collected; call without holding any queue lock. */
    void run() {
        if (deadLetters != null) {
            for (DeadLetter letter : deadLetters) {
                letter.target().messages().acceptDeadLetter(letter.message(), letter.sourceArn());
            }
        }
        if (completions != null) {
            completions.forEach(Runnable::run);
        }
    }
}
