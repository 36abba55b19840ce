package dev.deliverytracker.adapter.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * One room per web concern: the API, the dashboard, Twilio's status callbacks, Event Streams and the
 * outbound HTTP clients do not reach into each other. What several share (problem bodies, masking, the
 * insight query reader) lives in this package, above them.
 */
class WebPackagesTest {

    private static final String WEB = "dev.deliverytracker.adapter.web";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(WEB);

    @Test
    void the_driving_concerns_do_not_depend_on_each_other() {
        slices().matching(WEB + ".(*)..")
                .namingSlices("$1")
                .should().notDependOnEachOther()
                // Event Streams is a second feed onto the webhook's intake, so one stop closes both,
                // and it verifies signatures against the same public address.
                .ignoreDependency(resideIn(WEB + ".eventstreams"), resideIn(WEB + ".webhook"))
                // Auto-configuration exists to wire the rooms together.
                .ignoreDependency(resideIn(WEB + ".autoconfigure"), resideIn(WEB + ".."))
                .check(CLASSES);
    }

    @Test
    void the_shared_package_depends_on_no_room() {
        noClasses().that().resideInAPackage(WEB)
                .and().doNotHaveSimpleName("WebAdapterConfiguration")
                .should().dependOnClassesThat().resideInAnyPackage(
                        WEB + ".api..", WEB + ".dashboard..", WEB + ".webhook..", WEB + ".eventstreams..",
                        WEB + ".outbound..")
                .check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> resideIn(String packageIdentifier) {
        return JavaClass.Predicates.resideInAPackage(packageIdentifier);
    }
}
