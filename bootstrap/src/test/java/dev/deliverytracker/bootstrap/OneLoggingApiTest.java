package dev.deliverytracker.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Log lines reach the operator through one road: SLF4J in the adapters and bootstrap, and the JDK's
 * {@code System.Logger} where only the JDK may be used (domain, application), which Spring Boot's
 * logging routes to the same appenders. {@code java.util.logging} and printing to the console would
 * each bypass the masking and the structured fields.
 */
class OneLoggingApiTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.deliverytracker.domain", "dev.deliverytracker.application",
                    "dev.deliverytracker.adapter", "dev.deliverytracker.bootstrap");

    @Test
    void no_production_class_logs_through_java_util_logging_or_the_console() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(PRODUCTION);
    }
}
