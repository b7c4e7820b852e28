package dev.simstack.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.AwsException;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.services.lambda.InvocationResult;
import dev.simstack.core.internal.services.lambda.LambdaPort;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Lambda's typed port: payload bytes in, the handler's bytes and function error out, as Invoke answers. */
class LambdaPortTest {

    /**
     * Valid JSON (Lambda refuses anything else) with non-ASCII text, a four-byte character, escaped control
     * and high characters that look binary, and an escaped slash: bytes a re-encoding would change.
     */
    static final byte[] PAYLOAD = "{\"text\":\"Grüße, 世界 😀\",\"raw\":\"\\u0000\\u00ff\\u00fe\\t\",\"path\":\"a\\/b\"}"
            .getBytes(StandardCharsets.UTF_8);

    private Stack stack;
    private LambdaClient lambda;
    private LambdaPort port;

    @BeforeEach
    void start() {
        PortHandlers.clear();
        stack = StackConfig.defaults().withSeed(5)
                .withFunction(FunctionSpec.named("echo", PortHandlers.RawEcho.class))
                .withFunction(FunctionSpec.named("failing", PortHandlers.RawFailing.class))
                .start();
        lambda = PortsSupport.lambda(stack);
        port = PortsSupport.engine(stack).lambda().port();
    }

    @AfterEach
    void stop() {
        lambda.close();
        stack.close();
    }

    @Test
    void a_port_invoke_hands_the_payload_bytes_over_unchanged_and_answers_the_handlers_bytes() {
        InvocationResult result = port.invoke(PortsSupport.function(stack, "echo"), null, PAYLOAD, "tester",
                List.of("m-1", "m-2")).join();

        assertThat(PortHandlers.raw("echo")).singleElement().isEqualTo(PAYLOAD);
        assertThat(result.payload()).isEqualTo(PAYLOAD);
        assertThat(result.functionError()).isNull();
        assertThat(result.version()).isEqualTo("$LATEST");
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).singleElement().satisfies(run -> {
            assertThat(run.requestId()).isEqualTo(result.requestId());
            assertThat(run.trigger()).isEqualTo("tester");
            assertThat(run.carried()).containsExactly("m-1", "m-2");
            assertThat(run.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.SUCCESS);
        });
    }

    @Test
    void a_wire_invoke_hands_the_same_bytes_over_and_answers_them_unchanged() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromByteArray(PAYLOAD)));

        assertThat(PortHandlers.raw("echo")).singleElement().isEqualTo(PAYLOAD);
        assertThat(response.payload().asByteArray()).isEqualTo(PAYLOAD);
        assertThat(response.functionError()).isNull();
    }

    @Test
    void a_failing_handler_answers_the_error_document_and_function_error_a_wire_invoke_answers() throws Exception {
        InvocationResult typed = port.invoke(PortsSupport.function(stack, "failing"), null, PAYLOAD, "tester",
                List.of()).join();
        InvokeResponse wire = lambda.invoke(b -> b.functionName("failing").payload(SdkBytes.fromByteArray(PAYLOAD)));

        assertThat(typed.functionError()).isEqualTo(wire.functionError()).isEqualTo("Unhandled");
        JsonNode typedError = new ObjectMapper().readTree(typed.payload());
        JsonNode wireError = new ObjectMapper().readTree(wire.payload().asByteArray());
        assertThat(typedError.get("errorMessage")).isEqualTo(wireError.get("errorMessage"));
        assertThat(typedError.get("errorType")).isEqualTo(wireError.get("errorType"));
        assertThat(typedError.get("errorMessage").asText()).isEqualTo("printer on fire");
    }

    @Test
    void a_port_event_invocation_runs_the_handler_with_the_payload_and_records_its_trigger() {
        port.invokeEvent(PortsSupport.function(stack, "echo"), null, PAYLOAD, "s3:receipts");

        await().atMost(Duration.ofSeconds(10)).until(() -> !PortHandlers.raw("echo").isEmpty());
        assertThat(PortHandlers.raw("echo")).singleElement().isEqualTo(PAYLOAD);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stack.ledger()
                .entries(LedgerEntry.Invocation.class)).singleElement()
                .satisfies(run -> assertThat(run.trigger()).isEqualTo("s3:receipts")));
    }

    @Test
    void an_unknown_function_or_version_is_ResourceNotFoundException_naming_it() {
        AwsException missing = catchThrowableOfType(() -> port.invoke(PortsSupport.function(stack, "missing"), null,
                PAYLOAD, "tester", List.of()), AwsException.class);
        assertThat(missing.code()).isEqualTo("ResourceNotFoundException");
        assertThat(missing.getMessage()).isEqualTo("Function not found: arn:aws:lambda:us-east-1:"
                + stack.accountId() + ":function:missing");

        AwsException version = catchThrowableOfType(() -> port.invokeEvent(PortsSupport.function(stack, "echo"), "7",
                PAYLOAD, "tester"), AwsException.class);
        assertThat(version.getMessage()).isEqualTo("Function not found: arn:aws:lambda:us-east-1:"
                + stack.accountId() + ":function:echo:7");
    }
}
