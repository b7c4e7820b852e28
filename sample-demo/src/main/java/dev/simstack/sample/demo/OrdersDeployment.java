package dev.simstack.sample.demo;

import dev.simstack.core.Stack;
import dev.simstack.junit.SimStackClients;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The sample app deployed on a stack as the demo and the load test deploy it: its SAM template (from the app's
 * jar) as a file for {@code StackConfig.withResourceFile}, and the worker pointed at a payment provider.
 */
public final class OrdersDeployment {

    private OrdersDeployment() {
    }

    /**
     * The app's template from the class path (the app's jar carries it), as a file for the stack.
     *
     * @return a temporary file; delete it when the stack is closed
     * @throws IOException if the template is not on the class path or cannot be copied
     */
    public static Path templateFile() throws IOException {
        try (InputStream in = OrdersDeployment.class.getResourceAsStream("/template.yaml")) {
            if (in == null) {
                throw new IOException("template.yaml is not on the class path; build sample-app first");
            }
            Path file = Files.createTempFile("orders-template", ".yaml");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }

    /**
     * Sets the worker's {@code PAYMENT_URL}, as {@code sam deploy --parameter-overrides PaymentUrl=...} would.
     *
     * @param stack the stack the app runs on
     * @param paymentUrl the payment provider's base URL
     */
    public static void pointWorkerAt(Stack stack, String paymentUrl) {
        try (LambdaClient lambda = SimStackClients.configure(LambdaClient.builder(), stack).build()) {
            Map<String, String> variables = new HashMap<>(lambda.getFunctionConfiguration(b -> b
                    .functionName(Demo.WORKER)).environment().variables());
            variables.put("PAYMENT_URL", paymentUrl);
            lambda.updateFunctionConfiguration(b -> b.functionName(Demo.WORKER)
                    .environment(e -> e.variables(variables)));
        }
    }
}
