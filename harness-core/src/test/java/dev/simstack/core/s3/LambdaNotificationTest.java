package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.LambdaFunctionConfiguration;

/** S3 event notifications to a Lambda function of the same stack, invoked asynchronously in-process. */
class LambdaNotificationTest {

    /** What the handler saw; test-only shared state, cleared per test. */
    static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();

    /** Records each event it is invoked with. */
    public static final class Recorder implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
            EVENTS.add(new String(input.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        EVENTS.clear();
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(1)
                .withFunction(FunctionSpec.named("thumbnailer", Recorder.class)).start();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("images"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void an_object_created_event_invokes_the_function_with_the_s3_event() throws Exception {
        String arn = "arn:aws:lambda:us-east-1:" + stack.accountId() + ":function:thumbnailer";
        s3.putBucketNotificationConfiguration(n -> n.bucket("images").notificationConfiguration(c -> c
                .lambdaFunctionConfigurations(LambdaFunctionConfiguration.builder().id("thumbs")
                        .lambdaFunctionArn(arn).events(Event.S3_OBJECT_CREATED_PUT).build())));
        assertThat(s3.getBucketNotificationConfiguration(n -> n.bucket("images")).lambdaFunctionConfigurations())
                .singleElement().satisfies(f -> assertThat(f.lambdaFunctionArn()).isEqualTo(arn));

        s3.putObject(p -> p.bucket("images").key("cat.png"), S3TestSupport.text("png"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !EVENTS.isEmpty());
        JsonNode record = new ObjectMapper().readTree(EVENTS.peek()).at("/Records/0");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.at("/s3/configurationId").asText()).isEqualTo("thumbs");
        assertThat(record.at("/s3/object/key").asText()).isEqualTo("cat.png");
    }
}
