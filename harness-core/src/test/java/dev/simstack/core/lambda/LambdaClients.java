package dev.simstack.core.lambda;

import dev.simstack.core.Stack;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** A Lambda client for a stack, for tests in other packages. */
public final class LambdaClients {

    private LambdaClients() {
    }

    public static LambdaClient of(Stack stack) {
        return LambdaTestSupport.lambda(stack);
    }
}
