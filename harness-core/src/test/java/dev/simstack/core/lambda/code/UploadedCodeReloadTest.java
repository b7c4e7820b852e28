package dev.simstack.core.lambda.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.lambda.LambdaClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** A data directory keeps each version's uploaded package: reloaded, every version runs its own code. */
class UploadedCodeReloadTest {

    private static final String GREETER = """
            package example;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            public class Greeter implements RequestHandler<String, String> {
                public String handleRequest(String name, Context context) { return "%s " + name; }
            }
            """;

    @TempDir
    Path work;
    @TempDir
    Path dir;

    private byte[] greeter(String word) {
        return CodePackages.zip(new CodePackages(work).compile(Map.of("example.Greeter", GREETER.formatted(word))));
    }

    private static String answer(LambdaClient lambda, String qualifier) {
        InvokeResponse response = lambda.invoke(b -> b.functionName("greeter").qualifier(qualifier)
                .payload(SdkBytes.fromUtf8String("\"bo\"")));
        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        return response.payload().asUtf8String();
    }

    private static Stack start(DataDirectory data) {
        return data.start(StackConfig.defaults().withClock(ClockSpec.manual()), System.err::println);
    }

    @Test
    void a_reloaded_latest_and_published_version_run_their_uploaded_packages() throws Exception {
        byte[] hello = greeter("hello");
        byte[] bonjour = greeter("bonjour");
        DataDirectory data = DataDirectory.open(dir);
        FunctionConfiguration latestBefore;
        FunctionConfiguration versionBefore;
        try (Stack stack = start(data); LambdaClient lambda = LambdaClients.of(stack)) {
            lambda.createFunction(b -> b.functionName("greeter").runtime(Runtime.JAVA21).handler("example.Greeter")
                    .role("arn:aws:iam::000000000000:role/lambda")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(hello))));
            lambda.publishVersion(b -> b.functionName("greeter"));
            lambda.updateFunctionCode(b -> b.functionName("greeter").zipFile(SdkBytes.fromByteArray(bonjour)));
            latestBefore = lambda.getFunction(b -> b.functionName("greeter")).configuration();
            versionBefore = lambda.getFunction(b -> b.functionName("greeter").qualifier("1")).configuration();
            data.save(stack);
        }
        try (Stack stack = start(data); LambdaClient lambda = LambdaClients.of(stack)) {
            assertThat(answer(lambda, null)).isEqualTo("\"bonjour bo\"");
            assertThat(answer(lambda, "1")).isEqualTo("\"hello bo\"");
            FunctionConfiguration latest = lambda.getFunction(b -> b.functionName("greeter")).configuration();
            FunctionConfiguration version = lambda.getFunction(b -> b.functionName("greeter").qualifier("1"))
                    .configuration();
            assertThat(latest.codeSha256()).isEqualTo(latestBefore.codeSha256());
            assertThat(latest.codeSize()).isEqualTo(bonjour.length);
            assertThat(version.codeSha256()).isEqualTo(versionBefore.codeSha256()).isNotEqualTo(latest.codeSha256());
            assertThat(version.codeSize()).isEqualTo(hello.length);
            data.save(stack); // a reloaded package saves again: the next reload runs it too
        }
        try (Stack stack = start(data); LambdaClient lambda = LambdaClients.of(stack)) {
            assertThat(answer(lambda, "1")).isEqualTo("\"hello bo\"");
        }
        try (Stream<Path> blobs = Files.list(dir.resolve("blobs"))) {
            assertThat(blobs.filter(blob -> !blob.getFileName().toString().startsWith(".")).count())
                    .as("one blob per package, stored once").isEqualTo(2);
        }
    }
}
