package dev.simstack.assertions.ledger;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.simstack.core.architecture.JavadocScan;
import dev.simstack.core.architecture.PublicSignatures;
import dev.simstack.junit.BurstRequest;
import dev.simstack.junit.BurstResult;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The assertions read the public seam only and need no JUnit type (they run in jqwik properties and plain
 * code); what they show users is marked and documented.
 */
class AssertionsArchitectureTest {

    private static final JavaClasses ASSERTIONS = new ClassFileImporter()
            .importPath(Path.of("target/classes/dev/simstack/assertions"));

    /** Of the extension's package, only the burst's values (plain data, no JUnit type in them). */
    @Test
    void the_assertions_use_no_junit_type_and_no_internal_type_of_the_engine() {
        noClasses().should().dependOnClassesThat(resideInAnyPackage("org.junit..", "dev.simstack.core.internal..",
                "dev.simstack.junit..").and(not(type(BurstResult.class))).and(not(type(BurstRequest.class))))
                .check(ASSERTIONS);
        noClasses().that().belongToAnyOf(BurstResult.class, BurstRequest.class).should().dependOnClassesThat()
                .resideInAnyPackage("org.junit..").check(new ClassFileImporter().importClasses(BurstResult.class,
                        BurstRequest.class));
    }

    @Test
    void public_signatures_mention_no_internal_type() {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic()
                .should(PublicSignatures.mentionNo(resideInAnyPackage("com.fasterxml..", "io.netty..", "..internal..")))
                .check(ASSERTIONS);
    }

    @Test
    void every_public_type_outside_internal_carries_api_and_javadoc() throws Exception {
        classes().that().resideOutsideOfPackage("..internal..").and().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class).check(ASSERTIONS);
        JavadocScan.assertDocumented(Path.of("src/main/java/dev/simstack/assertions"));
        JavadocScan.assertDocumented(Path.of("src/main/java/dev/simstack/assertions/error"));
    }
}
