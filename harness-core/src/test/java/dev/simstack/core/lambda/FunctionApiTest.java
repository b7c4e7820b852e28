package dev.simstack.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** CreateFunction and the management calls through the SDK's LambdaClient. */
class FunctionApiTest {

    private static Stack stack;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(1).withLambdaConcurrencyLimit(200).start();
        lambda = LambdaTestSupport.lambda(stack);
    }

    @AfterAll
    static void stop() {
        lambda.close();
        stack.close();
    }

    private static CreateFunctionResponse create(String name, String handler) {
        return lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).handler(handler)
                .role("arn:aws:iam::000000000000:role/lambda").timeout(10).memorySize(256)
                .environment(e -> e.variables(Map.of("TABLE", "t1")))
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("ignored: the handler is on the test classpath"))));
    }

    @Test
    void create_function_with_a_class_and_method_handler_then_invoke_it() {
        CreateFunctionResponse created = create("api-greeter", Handlers.Greeter.class.getName() + "::greet");

        assertThat(created.functionArn()).isEqualTo(stack.function("api-greeter").arn());
        assertThat(created.runtime()).isEqualTo(Runtime.JAVA21);
        assertThat(created.timeout()).isEqualTo(10);
        assertThat(created.stateAsString()).isEqualTo("Active");
        assertThat(lambda.invoke(b -> b.functionName("api-greeter").payload(SdkBytes.fromUtf8String(
                "{\"name\":\"bo\"}"))).payload().asUtf8String()).isEqualTo("\"hello bo\"");
    }

    @Test
    void get_list_update_and_delete_a_function() {
        create("api-crud", Handlers.ContextHandler.class.getName());

        assertThat(lambda.getFunction(b -> b.functionName("api-crud")).configuration().environment().variables())
                .containsEntry("TABLE", "t1");
        assertThat(lambda.listFunctions().functions()).extracting(f -> f.functionName()).contains("api-crud");
        lambda.updateFunctionConfiguration(b -> b.functionName("api-crud").timeout(30)
                .environment(e -> e.variables(Map.of("TABLE", "t2"))));
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName("api-crud")).timeout()).isEqualTo(30);
        assertThat(lambda.invoke(b -> b.functionName("api-crud").payload(SdkBytes.fromUtf8String("{}")))
                .payload().asUtf8String()).contains("\"table\":\"t2\"");
        lambda.deleteFunction(b -> b.functionName("api-crud"));
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("api-crud")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void create_refuses_duplicates_non_java_runtimes_and_bad_limits() {
        create("api-dup", Handlers.UpperCase.class.getName());

        assertThatThrownBy(() -> create("api-dup", Handlers.UpperCase.class.getName()))
                .isInstanceOf(ResourceConflictException.class).hasMessageContaining("Function already exist");
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("py").runtime(Runtime.PYTHON3_12)
                .handler("app.handler").role("r").code(c -> c.zipFile(SdkBytes.fromUtf8String("x")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("java17 or java21");
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName("long").runtime(Runtime.JAVA17)
                .handler("a.B").role("r").timeout(901).code(c -> c.zipFile(SdkBytes.fromUtf8String("x")))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("900");
    }

    @Test
    void reserved_concurrency_versions_and_aliases() {
        create("api-versions", Handlers.UpperCase.class.getName());

        lambda.putFunctionConcurrency(b -> b.functionName("api-versions").reservedConcurrentExecutions(5));
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("api-versions")).reservedConcurrentExecutions())
                .isEqualTo(5);
        assertThatThrownBy(() -> lambda.putFunctionConcurrency(b -> b.functionName("api-versions")
                .reservedConcurrentExecutions(195))).isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("UnreservedConcurrentExecution below its minimum value of [20]");
        lambda.deleteFunctionConcurrency(b -> b.functionName("api-versions"));
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("api-versions")).reservedConcurrentExecutions())
                .isNull();

        assertThat(lambda.publishVersion(b -> b.functionName("api-versions")).version()).isEqualTo("1");
        lambda.createAlias(b -> b.functionName("api-versions").name("live").functionVersion("1"));
        assertThat(lambda.getAlias(b -> b.functionName("api-versions").name("live")).functionVersion()).isEqualTo("1");
        assertThat(lambda.invoke(b -> b.functionName("api-versions").qualifier("live")
                .payload(SdkBytes.fromUtf8String("\"v\""))).executedVersion()).isEqualTo("1");
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("api-versions").qualifier("nope")
                .payload(SdkBytes.fromUtf8String("\"v\"")))).isInstanceOf(ResourceNotFoundException.class);
    }
}
