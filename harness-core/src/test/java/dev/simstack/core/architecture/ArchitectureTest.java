package dev.simstack.core.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
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
 * The package-cycle rule among the engine's internal packages comes with the engine's layout change.
 */
class ArchitectureTest {

    /** The module's main classes (tests run in the module's directory). */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));
    private static final DescribedPredicate<JavaClass> DEPENDENCY_OR_INTERNAL =
            resideInAnyPackage("com.fasterxml..", "io.netty..", "..internal..");

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
}
