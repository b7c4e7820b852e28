package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Functions created through the Lambda API, with versions, aliases, concurrency and mappings, survive a reload. */
class LambdaSnapshotTest {

    @TempDir
    Path dir;

    /** Upper-cases its input; on the test class path, as a reloading JVM needs it. */
    public static final class UpperCase implements com.amazonaws.services.lambda.runtime.RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, com.amazonaws.services.lambda.runtime.Context context) {
            return input.toUpperCase();
        }
    }

    @Test
    void functions_versions_aliases_concurrency_and_mappings_survive() {
        DataDirectory data = DataDirectory.open(dir);
        GetFunctionConfigurationResponse before;
        String mappingUuid;
        try (Stack stack = data.start(StackConfig.defaults().withClock(ClockSpec.manual()), System.err::println);
                LambdaClient lambda = Clients.lambda(stack); SqsClient sqs = Clients.sqs(stack)) {
            String url = sqs.createQueue(b -> b.queueName("work")).queueUrl();
            lambda.createFunction(b -> b.functionName("upper").runtime(Runtime.JAVA21)
                    .handler(UpperCase.class.getName()).role("arn:aws:iam::000000000000:role/lambda").timeout(12)
                    .memorySize(384).environment(e -> e.variables(Map.of("MODE", "loud")))
                    .code(c -> c.zipFile(SdkBytes.fromUtf8String("the handler is on the class path"))));
            lambda.publishVersion(b -> b.functionName("upper"));
            lambda.createAlias(b -> b.functionName("upper").name("live").functionVersion("1"));
            lambda.putFunctionConcurrency(b -> b.functionName("upper").reservedConcurrentExecutions(3));
            mappingUuid = lambda.createEventSourceMapping(b -> b.functionName("upper").batchSize(5)
                    .eventSourceArn("arn:aws:sqs:us-east-1:000000000000:work").enabled(false)).uuid();
            before = lambda.getFunctionConfiguration(b -> b.functionName("upper"));
            assertThat(url).isNotNull();
            data.save(stack);
        }
        try (Stack stack = data.start(StackConfig.defaults().withClock(ClockSpec.manual()), System.err::println);
                LambdaClient lambda = Clients.lambda(stack)) {
            GetFunctionConfigurationResponse after = lambda.getFunctionConfiguration(b -> b.functionName("upper"));
            assertThat(after.handler()).isEqualTo(before.handler());
            assertThat(after.timeout()).isEqualTo(12);
            assertThat(after.memorySize()).isEqualTo(384);
            assertThat(after.environment().variables()).containsEntry("MODE", "loud");
            assertThat(after.functionArn()).isEqualTo(before.functionArn());
            assertThat(lambda.listVersionsByFunction(b -> b.functionName("upper")).versions())
                    .extracting(FunctionConfiguration::version).contains("1");
            assertThat(lambda.getAlias(b -> b.functionName("upper").name("live")).functionVersion()).isEqualTo("1");
            assertThat(lambda.getFunctionConcurrency(b -> b.functionName("upper")).reservedConcurrentExecutions())
                    .isEqualTo(3);
            var mapping = lambda.getEventSourceMapping(b -> b.uuid(mappingUuid));
            assertThat(mapping.batchSize()).isEqualTo(5);
            assertThat(mapping.state()).isEqualTo("Disabled");
            String answer = lambda.invoke(b -> b.functionName("upper").qualifier("live")
                    .payload(SdkBytes.fromUtf8String("\"hello\""))).payload().asString(StandardCharsets.UTF_8);
            assertThat(answer).isEqualTo("\"HELLO\"");
        }
    }
}
