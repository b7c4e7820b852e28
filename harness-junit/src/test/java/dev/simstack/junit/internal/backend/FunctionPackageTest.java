package dev.simstack.junit.internal.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.junit.internal.Misuse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    void lambdas_limits_are_50_mb_zipped_for_a_direct_upload_and_250_mb_unzipped_through_s3() {
        FunctionPackage code = FunctionPackage.of(HANDLER, List.of(), List.of());

        assertThat(FunctionPackage.DIRECT_UPLOAD_LIMIT).isEqualTo(52_428_800L);
        assertThat(FunctionPackage.UNZIPPED_LIMIT).isEqualTo(262_144_000L);
        assertThat(code.uploadsDirectly(FunctionPackage.DIRECT_UPLOAD_LIMIT)).isTrue();
        assertThat(code.uploadsDirectly(code.zip().length - 1)).isFalse();
        assertThat(code.unzippedSize()).isGreaterThan(0);
    }

    @Test
    void a_package_above_the_unzipped_limit_fails_naming_the_function_and_the_way_out() {
        FunctionPackage code = FunctionPackage.of(HANDLER, List.of(), List.of());

        assertThatThrownBy(() -> code.checkSize("worker", 1)).isInstanceOf(Misuse.class)
                .hasMessage("the deployment package of function 'worker' is " + String.format(Locale.ROOT, "%.1f MB",
                        code.unzippedSize() / (1024.0 * 1024.0)) + " unzipped (" + code.megabytes() + " zipped),"
                        + " above Lambda's limit of 250 MB unzipped for a package uploaded through S3; it holds 1"
                        + " entries of the test class path: leave"
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
