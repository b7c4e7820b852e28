package dev.simstack.sample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The app deploys to AWS unchanged: its code uses the JDK, the AWS SDK and the Lambda interfaces only. */
class AppDependenciesTest {

    @Test
    void the_apps_code_depends_on_the_sdk_and_the_lambda_interfaces_only() {
        // The main classes' directory only (Maven runs tests in the module's directory): fast, and no test code.
        JavaClasses app = new ClassFileImporter().importPath(Path.of("target", "classes"));

        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "software.amazon.awssdk..",
                "com.amazonaws.services.lambda.runtime..", "dev.simstack.sample..")
                .because("the sample app knows nothing of SimStack and needs no other library")
                .check(app);
        org.assertj.core.api.Assertions.assertThat(app.contain(OrdersApi.class)).isTrue();
    }
}
