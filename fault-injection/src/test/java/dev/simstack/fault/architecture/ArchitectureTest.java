package dev.simstack.fault.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.simstack.core.architecture.PublicSignatures;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * fault-injection builds on harness-core's public API only, and shows its own users none of our dependencies'
 * types (docs/architecture.md, A1): YAML is read with Jackson inside, but no signature says so.
 */
class ArchitectureTest {

    /** The module's main classes (tests run in the module's directory). */
    private static final JavaClasses MAIN = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void no_public_signature_mentions_jackson_netty_or_an_internal_type() {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(PublicSignatures.mentionNo(resideInAnyPackage("com.fasterxml..", "io.netty..", "..internal..")))
                .check(MAIN);
    }

    @Test
    void fault_injection_uses_no_internal_type_of_harness_core() {
        classes().should().onlyDependOnClassesThat().resideOutsideOfPackage("dev.simstack.core.internal..")
                .check(MAIN);
    }

    @Test
    void every_public_type_of_the_fault_package_carries_api() {
        classes().that().resideInAPackage("dev.simstack.fault").and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(MAIN);
    }
}
