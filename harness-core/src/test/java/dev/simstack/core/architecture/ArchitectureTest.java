package dev.simstack.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.MemberValues;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of harness-core's public seam (docs/architecture.md, A1): what users build on names none of our
 * dependencies' types and nothing internal, and every public type of the root package is marked and documented.
 * And the engine's layout (docs/architecture.md, "Engine layout"): no cycles among its internal packages, and
 * each layer depends only on the ones below it. The public root package {@code dev.simstack.core} is in no
 * slice: {@code Stack} starts the composition and every internal package uses public types such as
 * {@code AwsException} and {@code ResourceRef}, so the root is both above and below the internals by design.
 */
class ArchitectureTest {

    /** The module's main classes (tests run in the module's directory). */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));
    private static final DescribedPredicate<JavaClass> DEPENDENCY_OR_INTERNAL =
            resideInAnyPackage("com.fasterxml..", "io.netty..", "com.github.tomakehurst..", "org.wiremock..",
                    "..internal..");
    private static final String INTERNAL = "dev.simstack.core.internal";

    @Test
    void top_level_internal_packages_are_free_of_cycles() {
        slices().matching(INTERNAL + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void internal_packages_are_free_of_cycles_counting_each_service_whole() {
        slices().assignedFrom(new PackageOrService()).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void only_the_root_package_and_resource_loading_use_the_composition() {
        noClasses().that().resideInAnyPackage(INTERNAL + ".engine..", INTERNAL + ".protocol..",
                        INTERNAL + ".services..", INTERNAL + ".server..", INTERNAL + ".persist..",
                        INTERNAL + ".ledger..", INTERNAL + ".clock..", INTERNAL + ".arn..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL + ".stack..")
                .check(MAIN);
    }

    @Test
    void protocols_know_neither_services_nor_the_engine_nor_the_composition() {
        noClasses().that().resideInAPackage(INTERNAL + ".protocol..")
                .should().dependOnClassesThat().resideInAnyPackage(INTERNAL + ".services..", INTERNAL + ".engine..",
                        INTERNAL + ".stack..", INTERNAL + ".server..")
                .check(MAIN);
    }

    @Test
    void services_do_not_reach_the_server() {
        noClasses().that().resideInAPackage(INTERNAL + ".services..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL + ".server..")
                .check(MAIN);
    }

    @Test
    void no_public_signature_outside_internal_mentions_jackson_netty_or_an_internal_type() {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(PublicSignatures.mentionNo(DEPENDENCY_OR_INTERNAL))
                .check(MAIN);
    }

    @Test
    void the_signature_rule_sees_parameters_returns_and_type_arguments() {
        // The engine's own call is internal, so the rule does not apply to it; here it shows what it would find.
        ArchRule rule = classes().that().haveFullyQualifiedName(DecodedCall.class.getName())
                .should(PublicSignatures.mentionNo(DEPENDENCY_OR_INTERNAL));
        assertThatThrownBy(() -> rule.check(MAIN)).hasMessageContaining(
                "DecodedCall.input() mentions com.fasterxml.jackson.databind.node.ObjectNode");
        ArchRule values = classes().that().haveFullyQualifiedName(MemberValues.class.getName())
                .should(PublicSignatures.mentionNo(DEPENDENCY_OR_INTERNAL));
        assertThatThrownBy(() -> values.check(MAIN)).hasMessageContaining(
                "MemberValues.of(com.fasterxml.jackson.databind.JsonNode) mentions com.fasterxml.jackson.databind.JsonNode");
    }

    @Test
    void every_public_type_of_the_root_package_carries_api() {
        classes().that().resideInAPackage("dev.simstack.core").and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(MAIN);
    }

    @Test
    void every_public_type_and_member_of_the_root_package_has_javadoc() throws Exception {
        JavadocScan.assertDocumented(Path.of("src/main/java/dev/simstack/core"));
    }

    @Test
    void the_javadoc_scan_finds_undocumented_types_constructors_methods_and_interface_methods(@TempDir Path dir)
            throws Exception {
        Path source = dir.resolve("Sample.java");
        Files.writeString(source, """
                package sample;

                /** Documented. */
                @API(status = EXPERIMENTAL, since = "0.2")
                public final class Sample {
                    public Sample() {
                    }

                    /** Documented; a brace in a string: "{". */
                    public int size() {
                        Runnable r = new Runnable() {
                            public void run() {
                            }
                        };
                        return 0;
                    }

                    @Override
                    public String toString() {
                        return "}";
                    }

                    public interface Part {
                        String name();

                        /** Documented. */
                        int size();
                    }
                }
                """);
        assertThat(JavadocScan.undocumented(source)).containsExactly("Sample.java:6: public Sample() {",
                "Sample.java:23: public interface Part {", "Sample.java:24: String name();");
    }

    /**
     * Every internal package is a slice of its own, except that a service's subpackages belong to the service
     * ({@code services.dynamodb.item} is {@code services.dynamodb}): a service's packages are one unit that may
     * refer to each other (DynamoDB's expressions, items and tables do), while services, protocols and the
     * layers between them may not.
     */
    private static final class PackageOrService implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(INTERNAL + ".")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = name.substring(INTERNAL.length() + 1).split("\\.");
            return parts[0].equals("services") && parts.length > 1
                    ? SliceIdentifier.of("services." + parts[1])
                    : SliceIdentifier.of(String.join(".", parts));
        }

        @Override
        public String getDescription() {
            return "internal packages, each service with its subpackages as one";
        }
    }
}
