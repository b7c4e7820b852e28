package dev.simstack.junit.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.simstack.core.architecture.JavadocScan;
import dev.simstack.core.architecture.PublicSignatures;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * harness-junit builds on the public seam only (docs/architecture.md, A1 and H1): no internal type of the engine,
 * no Jackson or Netty type in what users see, every public type marked and documented; and the optional SDK
 * modules are touched only where a test asks for a client.
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
    void harness_junit_uses_no_internal_type_of_harness_core() {
        classes().should().onlyDependOnClassesThat().resideOutsideOfPackage("dev.simstack.core.internal..")
                .check(MAIN);
    }

    @Test
    void every_public_type_of_the_junit_and_assertions_packages_carries_api() {
        classes().that().resideInAnyPackage("dev.simstack.junit", "dev.simstack.assertions",
                        "dev.simstack.assertions.error")
                .and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .check(MAIN);
    }

    @Test
    void every_public_type_and_member_of_the_junit_and_assertions_packages_has_javadoc() throws Exception {
        JavadocScan.assertDocumented(Path.of("src/main/java/dev/simstack/junit"));
        JavadocScan.assertDocumented(Path.of("src/main/java/dev/simstack/assertions"));
        JavadocScan.assertDocumented(Path.of("src/main/java/dev/simstack/assertions/error"));
    }

    /** The assertions work wherever a stack runs: jqwik properties, plain code, any test engine (A1). */
    @Test
    void the_assertions_need_no_junit_type() {
        noClasses().that().resideInAPackage("dev.simstack.assertions..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..")
                .check(MAIN);
    }

    /**
     * The SDK's service modules are optional: a class that names one is loaded only when a test asks for that
     * client, so only the client factories may name them (the extension and the annotations must load without).
     */
    @Test
    void only_the_client_factories_name_an_sdk_service_module() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.Presigners")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.EnhancedClients")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.SdkClients")
                // A remote backend's creators, each called only when the stack declares resources of its kind.
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.RemoteQueues")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.RemoteTables")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.RemoteBuckets")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.RemoteFunctions")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.RemoteApis")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.RemoteHttpApis")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.RemoteUsagePlans")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.PackageBuckets")
                .and().doNotHaveFullyQualifiedName("dev.simstack.junit.internal.backend.ExecutionRole")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk.services..",
                        "software.amazon.awssdk.enhanced..")
                .check(MAIN);
    }
}
