package dev.simstack.junit.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.junit.internal.Misuse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A function's package from the test class path: the handler's entry, and the jars a handler may need, laid out
 * as Lambda's Java runtime reads them; what runs the tests (JUnit, SimStack, test libraries) is left out.
 */
class FunctionPackageTest {

    private static final Path HANDLER = FunctionPackage.entryOf(FunctionPackageTest.class);

    @Test
    void the_handlers_classes_are_at_the_root_and_its_libraries_in_lib_without_the_test_tooling() throws IOException {
        FunctionPackage code = FunctionPackage.of(HANDLER, FunctionPackage.testClassPath(), List.of());

        List<String> names = names(code.zip());
        assertThat(names).contains("dev/simstack/junit/internal/backend/FunctionPackageTest.class")
                .contains("lib/" + FunctionPackage.entryOf(DynamoDbClient.class).getFileName());
        assertThat(names).filteredOn(name -> name.startsWith("lib/"))
                .noneMatch(name -> name.matches("lib/(junit-|opentest4j|assertj|archunit|testcontainers|harness-core"
                        + "|harness-junit|fault-injection|jqwik|byte-buddy).*"));
        assertThat(code.entries()).doesNotContain(FunctionPackage.entryOf(Test.class),
                FunctionPackage.entryOf(Misuse.class));
    }

    @Test
    void the_jars_the_run_names_are_left_out() throws IOException {
        FunctionPackage code = FunctionPackage.of(HANDLER, FunctionPackage.testClassPath(), List.of("dynamodb-"));

        assertThat(names(code.zip())).noneMatch(name -> name.startsWith("lib/dynamodb-"));
    }

    @Test
    void a_package_above_the_limit_fails_naming_the_function_and_the_way_out() {
        FunctionPackage code = FunctionPackage.of(HANDLER, List.of(), List.of());

        assertThatThrownBy(() -> code.checkSize("worker", 1)).isInstanceOf(Misuse.class)
                .hasMessage("the deployment package of function 'worker' is " + code.megabytes() + " zipped, above"
                        + " Lambda's 50 MB limit for a direct upload; it holds 1 entries of the test class path: leave"
                        + " out the jars the handler does not need with -Dsimstack.functions.exclude=<jar name"
                        + " prefixes, comma-separated>, or pin the class with @SimStack(backend = Backend.EMBEDDED)");
    }

    private static List<String> names(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
