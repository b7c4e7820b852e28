package dev.simstack.core.lambda.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.lambda.LambdaClients;
import dev.simstack.core.lambda.LambdaTestSupportAccess;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/** Java functions run the code of their uploaded package, each version in a class loader of its own. */
class UploadedCodeTest {

    private static final String GREETER = """
            package example;
            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            public class Greeter implements RequestHandler<String, String> {
                public String handleRequest(String name, Context context) { return "%s " + name; }
            }
            """;

    @TempDir
    static Path work;
    private static Stack stack;
    private static LambdaClient lambda;
    private static S3Client s3;
    private static CodePackages packages;
    private static byte[] hello;
    private static byte[] bonjour;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(7).start();
        lambda = LambdaClients.of(stack);
        s3 = S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(LambdaTestSupportAccess.CREDENTIALS).forcePathStyle(true).build();
        packages = new CodePackages(work);
        hello = greeter("hello");
        bonjour = greeter("bonjour");
    }

    @AfterAll
    static void stop() {
        s3.close();
        lambda.close();
        stack.close();
    }

    private static byte[] greeter(String word) {
        return CodePackages.zip(packages.compile(Map.of("example.Greeter", GREETER.formatted(word))));
    }

    private static CreateFunctionResponse create(String name, String handler, FunctionCode code) {
        return lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA21).handler(handler)
                .role("arn:aws:iam::000000000000:role/lambda").code(code));
    }

    private static FunctionCode zipFile(byte[] bytes) {
        return FunctionCode.builder().zipFile(SdkBytes.fromByteArray(bytes)).build();
    }

    private static InvokeResponse invoke(String name, String qualifier) {
        return lambda.invoke(b -> b.functionName(name).qualifier(qualifier)
                .payload(SdkBytes.fromUtf8String("\"bo\"")));
    }

    private static String answer(String name, String qualifier) {
        InvokeResponse response = invoke(name, qualifier);
        assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
        return response.payload().asUtf8String();
    }

    @Test
    void two_functions_from_two_jars_of_the_same_class_answer_differently() throws Exception {
        CreateFunctionResponse created = create("zip-hello", "example.Greeter", zipFile(hello));
        s3.createBucket(b -> b.bucket("code"));
        s3.putObject(b -> b.bucket("code").key("bonjour.jar"), RequestBody.fromBytes(bonjour));
        create("s3-bonjour", "example.Greeter::handleRequest",
                FunctionCode.builder().s3Bucket("code").s3Key("bonjour.jar").build());

        assertThat(answer("zip-hello", null)).isEqualTo("\"hello bo\"");
        assertThat(answer("s3-bonjour", null)).isEqualTo("\"bonjour bo\"");
        assertThat(created.codeSha256()).isEqualTo(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(hello)));
        assertThat(created.codeSize()).isEqualTo(hello.length);
    }

    @Test
    void update_function_code_changes_latest_but_not_a_published_version() {
        create("versioned", "example.Greeter", zipFile(hello));
        String version = lambda.publishVersion(b -> b.functionName("versioned")).version();

        lambda.updateFunctionCode(b -> b.functionName("versioned").zipFile(SdkBytes.fromByteArray(bonjour)));

        assertThat(answer("versioned", null)).isEqualTo("\"bonjour bo\"");
        assertThat(answer("versioned", version)).isEqualTo("\"hello bo\"");
        assertThat(engine().lambda().codeLoader("us-east-1", "versioned", version))
                .isNotSameAs(engine().lambda().codeLoader("us-east-1", "versioned", "$LATEST"));
    }

    @Test
    void deleting_a_function_closes_and_releases_its_class_loader() throws InterruptedException {
        create("deleted", "example.Greeter", zipFile(hello));
        assertThat(answer("deleted", null)).isEqualTo("\"hello bo\"");
        ClassLoader loader = engine().lambda().codeLoader("us-east-1", "deleted", "$LATEST");
        assertThat(loader.getResource("example/Greeter.class")).isNotNull();
        WeakReference<ClassLoader> released = new WeakReference<>(loader);

        lambda.deleteFunction(b -> b.functionName("deleted"));

        assertThat(loader.getResource("example/Greeter.class")).as("a closed loader finds nothing").isNull();
        loader = null;
        for (int i = 0; i < 50 && released.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(released.get()).as("the deleted function's class loader was collected").isNull();
    }

    @Test
    void a_reset_closes_the_class_loaders_of_the_functions_it_empties() {
        try (Stack own = StackConfig.defaults().withSeed(8).start(); LambdaClient client = LambdaClients.of(own)) {
            client.createFunction(b -> b.functionName("reset-me").runtime(Runtime.JAVA17).handler("example.Greeter")
                    .role("arn:aws:iam::000000000000:role/lambda").code(zipFile(hello)));
            client.invoke(b -> b.functionName("reset-me").payload(SdkBytes.fromUtf8String("\"bo\"")));
            ClassLoader loader = engine(own).lambda().codeLoader("us-east-1", "reset-me", "$LATEST");
            assertThat(loader.getResource("example/Greeter.class")).isNotNull();

            own.reset();

            assertThat(loader.getResource("example/Greeter.class")).as("a closed loader finds nothing").isNull();
        }
    }

    @Test
    void a_package_with_its_libraries_in_lib_runs_a_handler_that_uses_them() {
        byte[] dep = CodePackages.zip(packages.compile(Map.of("dep.Shout", """
                package dep;
                public final class Shout { public static String shout(String s) { return s.toUpperCase() + "!"; } }
                """)));
        Map<String, byte[]> layout = new LinkedHashMap<>(packages.compile(Map.of("example.Loud", """
                package example;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                public class Loud implements RequestHandler<String, String> {
                    public String handleRequest(String name, Context context) { return dep.Shout.shout(name); }
                }
                """), dep));
        layout.put("lib/dep.jar", dep);
        create("with-lib", "example.Loud", zipFile(CodePackages.zip(layout)));

        assertThat(answer("with-lib", null)).isEqualTo("\"BO!\"");
    }

    @Test
    void a_handler_also_on_the_class_path_is_taken_from_the_package() {
        String name = ShadowedGreeter.class.getName();
        byte[] shadow = CodePackages.zip(packages.compile(Map.of(name, """
                package dev.simstack.core.lambda.code;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                public class ShadowedGreeter implements RequestHandler<String, String> {
                    public String handleRequest(String input, Context context) { return "from the package"; }
                }
                """)));
        create("shadowed", name, zipFile(shadow));
        create("class-path", name, zipFile("not a zip: the handler is on the test class path".getBytes()));

        assertThat(answer("shadowed", null)).isEqualTo("\"from the package\"");
        assertThat(answer("class-path", null)).isEqualTo("\"from the class path\"");
    }

    @Test
    void the_engines_runtime_types_win_over_copies_a_package_bundles() {
        Map<String, byte[]> layout = new LinkedHashMap<>(packages.compile(Map.of("example.Greeter",
                GREETER.formatted("hi"))));
        layout.put("com/amazonaws/services/lambda/runtime/RequestHandler.class",
                CodePackages.classFile(RequestHandler.class));
        layout.put("com/amazonaws/services/lambda/runtime/Context.class", CodePackages.classFile(Context.class));
        create("bundles-core", "example.Greeter", zipFile(CodePackages.zip(layout)));

        assertThat(answer("bundles-core", null)).isEqualTo("\"hi bo\"");
    }

    @Test
    void a_handler_missing_from_the_package_fails_the_invocation_with_class_not_found() {
        create("missing", "example.Absent", zipFile(hello));

        InvokeResponse response = invoke("missing", null);

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).isEqualTo("{\"errorMessage\":\"Class not found: example.Absent\","
                + "\"errorType\":\"java.lang.ClassNotFoundException\"}");
    }

    @Test
    void a_package_that_is_not_a_readable_zip_or_an_object_of_the_region_is_refused() {
        byte[] broken = "PK\u0003\u0004 then nothing a zip reader can read".getBytes();
        assertThatThrownBy(() -> create("broken", "example.Greeter", zipFile(broken)))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Could not unzip uploaded file. Please check your file, then try to upload "
                        + "again.");
        s3.createBucket(b -> b.bucket("no-code"));
        assertThatThrownBy(() -> create("no-object", "example.Greeter",
                FunctionCode.builder().s3Bucket("no-code").s3Key("app.jar").build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: "
                        + "The specified key does not exist.");
        s3.createBucket(b -> b.bucket("eu-code").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.putObject(b -> b.bucket("eu-code").key("app.jar"), RequestBody.fromBytes(hello));
        assertThatThrownBy(() -> create("other-region", "example.Greeter",
                FunctionCode.builder().s3Bucket("eu-code").s3Key("app.jar").build()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageStartingWith("Error occurred while GetObject. S3 Error Code: PermanentRedirect. S3 Error "
                        + "Message: The bucket is in this region: eu-west-1. Please use this region to retry the "
                        + "request");
    }

    private static Engine engine() {
        return engine(stack);
    }

    private static Engine engine(Stack stack) {
        try {
            Field engine = Stack.class.getDeclaredField("engine");
            engine.setAccessible(true);
            return (Engine) engine.get(stack);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Stack no longer holds its engine in a field named 'engine'", e);
        }
    }
}
