package dev.simstack.assertions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Answers its input, refuses {@code "fail"} (logging why first), and naps on {@code "nap"} (wall time). */
public final class EchoHandler implements RequestHandler<String, String> {

    @Override
    public String handleRequest(String input, Context context) {
        if (input.equals("fail")) {
            context.getLogger().log("refusing " + input);
            throw new IllegalArgumentException("refused " + input);
        }
        if (input.equals("nap")) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return input;
    }
}
