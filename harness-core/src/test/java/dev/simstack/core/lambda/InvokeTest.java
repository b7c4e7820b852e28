package dev.simstack.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Invoke in every mode, against handlers declared through the stack API. */
class InvokeTest {

    private static Stack stack;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withFunction(FunctionSpec.named("orders", Handlers.OrderHandler.class))
                .withFunction(FunctionSpec.named("context", Handlers.ContextHandler.class).withMemorySize(512)
                        .withEnvironment("TABLE", "orders-table"))
                .withFunction(FunctionSpec.named("upper", Handlers.UpperCase.class))
                .withFunction(FunctionSpec.named("echo", Handlers.Echo.class))
                .withFunction(FunctionSpec.named("greeter", Handlers.Greeter.class.getName() + "::greet"))
                .withFunction(FunctionSpec.named("failing", Handlers.Failing.class))
                .withFunction(FunctionSpec.named("missing", "com.example.DoesNotExist"))
                .start();
        lambda = LambdaTestSupport.lambda(stack);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        stack.close();
    }

    private static InvokeResponse invoke(String function, String payload) {
        return lambda.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    @Test
    void request_response_reads_the_event_into_the_handlers_type_and_answers_its_output_as_json() {
        InvokeResponse response = invoke("orders", "{\"id\":\"o-1\",\"quantity\":3}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(response.payload().asUtf8String())
                .isEqualTo("{\"orderId\":\"o-1\",\"total\":15,\"function\":\"orders\"}");
    }

    @Test
    void string_stream_and_method_handlers_are_called_as_the_java_runtime_calls_them() {
        assertThat(invoke("upper", "\"abc\"").payload().asUtf8String()).isEqualTo("\"ABC\"");
        assertThat(invoke("echo", "{\"a\":[1,2]}").payload().asUtf8String()).isEqualTo("{\"a\":[1,2]}");
        assertThat(invoke("greeter", "{\"name\":\"ada\"}").payload().asUtf8String()).isEqualTo("\"hello ada\"");
    }

    @Test
    void the_context_reports_function_memory_remaining_time_and_environment() {
        String out = invoke("context", "{}").payload().asUtf8String();

        assertThat(out).contains("\"arn\":\"" + stack.function("context").arn() + "\"")
                .contains("\"version\":\"$LATEST\"").contains("\"memory\":512")
                .contains("\"remaining\":3000").contains("\"table\":\"orders-table\"")
                .contains("\"accessKey\":\"000000000000\"");   // placeholder keys: the id selects the function's account
    }

    @Test
    void an_execution_environment_is_reused_warm_after_its_cold_start() {
        invoke("context", "{}");
        String second = invoke("context", "{}").payload().asUtf8String();

        assertThat(second).matches(".*\"calls\":[2-9].*");
        List<LedgerEntry.Invocation> runs = stack.ledger().entries(LedgerEntry.Invocation.class).stream()
                .filter(i -> i.function().name().equals("context")).toList();
        assertThat(runs.get(0).coldStart()).isTrue();
        assertThat(runs.get(runs.size() - 1).coldStart()).isFalse();
        assertThat(runs.get(runs.size() - 1).environmentId()).isEqualTo(runs.get(0).environmentId());
    }

    @Test
    void a_handler_exception_answers_200_with_function_error_unhandled_and_the_runtimes_error_document() {
        InvokeResponse response = invoke("failing", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String())
                .startsWith("{\"errorMessage\":\"inventory service unavailable\","
                        + "\"errorType\":\"java.lang.IllegalStateException\",\"stackTrace\":[\"")
                .contains("Handlers$Failing.handleRequest(Handlers.java:");
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).anySatisfy(i -> {
            assertThat(i.function().name()).isEqualTo("failing");
            assertThat(i.outcome()).isEqualTo(LedgerEntry.InvocationOutcome.ERROR);
        });
    }

    @Test
    void a_handler_class_that_does_not_exist_fails_the_invocation_not_the_request() {
        InvokeResponse response = invoke("missing", "{}");

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("Class not found: com.example.DoesNotExist");
    }

    @Test
    void log_lines_are_captured_per_invocation_and_returned_with_log_type_tail() {
        InvokeResponse response = lambda.invoke(b -> b.functionName("orders").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"id\":\"o-9\",\"quantity\":1}")));

        String tail = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(tail).contains("pricing order o-9").contains("START RequestId: ").contains("REPORT RequestId: ");
        LedgerEntry.Invocation last = lastInvocation("orders");
        assertThat(stack.functionLogs(last.requestId())).containsExactly("pricing order o-9");
    }

    @Test
    void dry_run_answers_204_and_runs_nothing() {
        int before = stack.ledger().entries(LedgerEntry.Invocation.class).size();
        InvokeResponse response = lambda.invoke(b -> b.functionName("orders")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(stack.ledger().entries(LedgerEntry.Invocation.class)).hasSize(before);
    }

    @Test
    void malformed_payloads_and_unknown_functions_get_lambdas_errors() {
        assertThatThrownBy(() -> invoke("orders", "{not json"))
                .isInstanceOf(InvalidRequestContentException.class)
                .hasMessageContaining("Could not parse request body into json");
        assertThatThrownBy(() -> invoke("nobody", "{}"))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:000000000000:function:nobody");
    }

    @Test
    void functions_are_found_by_name_partial_arn_and_full_arn() {
        assertThat(invoke("000000000000:function:upper", "\"x\"").payload().asUtf8String()).isEqualTo("\"X\"");
        assertThat(invoke(stack.function("upper").arn(), "\"y\"").payload().asUtf8String()).isEqualTo("\"Y\"");
    }

    private static LedgerEntry.Invocation lastInvocation(String function) {
        List<LedgerEntry.Invocation> runs = stack.ledger().entries(LedgerEntry.Invocation.class).stream()
                .filter(i -> i.function().name().equals(function)).toList();
        return runs.get(runs.size() - 1);
    }
}
